// The v1.35 default policy: the ClusterRoles and bindings a kubeadm cluster lists (names from the
// reference's REAL lists and cluster-roles.yaml; the controller roles and namespaced defaults are
// compared with their testdata in tests/bootstrapPolicy.test.ts), admin/edit/view filled by aggregation,
// and a user's aggregated role kept up to date by the clusterrole-aggregation controller
// (clusterroleaggregation_controller.go).

import { describe, expect, it } from 'vitest'
import { createLab } from '../../app/lab'
import { aggregatedRules, selectorMatches } from './aggregation'
import { AGGREGATE_TO_ADMIN, AGGREGATE_TO_EDIT, AGGREGATE_TO_VIEW } from './defaultRoles'

const CLUSTER_ROLES_YAML = [
  'admin', 'cluster-admin', 'edit', 'system:aggregate-to-admin', 'system:aggregate-to-edit', 'system:aggregate-to-view', 'system:auth-delegator',
  'system:basic-user', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient',
  'system:certificates.k8s.io:kube-apiserver-client-approver', 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver',
  'system:certificates.k8s.io:kubelet-serving-approver', 'system:certificates.k8s.io:legacy-unknown-approver', 'system:discovery', 'system:heapster',
  'system:kube-aggregator', 'system:kube-controller-manager', 'system:kube-dns', 'system:kube-scheduler', 'system:kubelet-api-admin', 'system:monitoring',
  'system:node', 'system:node-bootstrapper', 'system:node-problem-detector', 'system:node-proxier', 'system:persistent-volume-provisioner',
  'system:public-info-viewer', 'system:service-account-issuer-discovery', 'system:volume-scheduler', 'view',
]
const BOOTSTRAP_BINDINGS = [
  'cluster-admin', 'system:basic-user', 'system:discovery', 'system:public-info-viewer', 'system:kube-controller-manager', 'system:kube-dns',
  'system:kube-scheduler', 'system:volume-scheduler', 'system:node', 'system:node-proxier', 'system:monitoring', 'system:service-account-issuer-discovery',
  'kubeadm:cluster-admins', 'kubeadm:get-nodes', 'kubeadm:kubelet-bootstrap', 'kubeadm:node-autoapprove-bootstrap',
  'kubeadm:node-autoapprove-certificate-rotation', 'kubeadm:node-proxier',
]

describe('aggregation (clusterroleaggregation_controller.go syncClusterRole)', () => {
  it('takes matching roles in name order, skips itself, keeps each rule once', () => {
    const r1 = { apiGroups: [''], resources: ['pods'], verbs: ['get'] }
    const r2 = { apiGroups: [''], resources: ['secrets'], verbs: ['get'] }
    const sel = { clusterRoleSelectors: [{ matchLabels: { x: 'true' } }] }
    const roles = [{ name: 'b', labels: { x: 'true' }, rules: [r2, r1] }, { name: 'a', labels: { x: 'true' }, rules: [r1] }, { name: 'self', labels: { x: 'true' }, rules: [r2] }, { name: 'c', rules: [r2] }]
    expect(aggregatedRules('self', sel, roles)).toEqual([r1, r2])
    expect(selectorMatches({ matchExpressions: [{ key: 'x', operator: 'Exists' }] }, { x: '' })).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['a'] }] }, {})).toBe(true)
  })
})

describe('the default policy in the lab', () => {
  it('lists every role of cluster-roles.yaml and the default bindings; view, edit and admin are the aggregates', async () => {
    const lab = await createLab({ seed: 'policy' })
    const names = (await lab.run('kubectl get clusterroles -o name')).stdout.split('\n').filter(Boolean).map((n) => n.replace('clusterrole.rbac.authorization.k8s.io/', ''))
    for (const n of [...CLUSTER_ROLES_YAML, 'kubeadm:get-nodes', 'system:controller:clusterrole-aggregation-controller']) expect(names).toContain(n)
    const bindings = (await lab.run('kubectl get clusterrolebindings -o name')).stdout
    for (const n of BOOTSTRAP_BINDINGS) expect(bindings).toContain(`clusterrolebinding.rbac.authorization.k8s.io/${n}\n`)
    const rulesOf = async (n: string) => JSON.parse((await lab.run(`kubectl get clusterrole ${n} -o json`)).stdout).rules
    expect(await rulesOf('view')).toEqual(AGGREGATE_TO_VIEW)
    expect(await rulesOf('edit')).toEqual([...AGGREGATE_TO_EDIT, ...AGGREGATE_TO_VIEW])
    expect(await rulesOf('admin')).toEqual([...AGGREGATE_TO_EDIT, ...AGGREGATE_TO_VIEW, ...AGGREGATE_TO_ADMIN])
    const node = JSON.parse((await lab.run('kubectl get clusterrolebinding system:node -o json')).stdout)
    expect(node.subjects).toBeUndefined()
  })

  it('a user bound to view reads pods but not secrets; a role labelled aggregate-to-view widens view at once', async () => {
    const lab = await createLab({ seed: 'policy-view' })
    expect((await lab.run('kubectl create clusterrolebinding viewer --clusterrole=view --user=jane')).exitCode).toBe(0)
    const can = async (args: string) => (await lab.run(`kubectl auth can-i ${args} --as=jane`)).stdout
    expect(await can('list pods -n default')).toBe('yes\n')
    expect(await can('get pods/log -n default')).toBe('yes\n')
    expect(await can('get secrets -n default')).toBe('no\n')
    expect(await can('create pods/exec -n default')).toBe('no\n')
    expect(await can('list endpointslices.discovery.k8s.io -n default')).toBe('yes\n')
    const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: secret-peek\n  labels:\n    rbac.authorization.k8s.io/aggregate-to-view: "true"\nrules:\n- apiGroups: [""]\n  resources: ["secrets"]\n  verbs: ["get"]\n'
    await lab.run(`cat > role.yaml <<'EOF'\n${role}EOF`)
    expect((await lab.run('kubectl apply -f role.yaml')).exitCode).toBe(0)
    await lab.run('sleep 1')
    expect(await can('get secrets -n default')).toBe('yes\n')
    const edit = JSON.parse((await lab.run('kubectl get clusterrole edit -o json')).stdout).rules
    expect(edit).toContainEqual({ apiGroups: [''], resources: ['secrets'], verbs: ['get'] })
  })
})
