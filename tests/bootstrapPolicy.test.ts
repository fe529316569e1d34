// The controller roles and the namespaced defaults of the v1.35 bootstrap policy (issue 11, item 6):
// each object the lab serves is compared with Kubernetes' own expected objects, the testdata YAML
// of plugin/pkg/auth/authorizer/rbac/bootstrappolicy copied into tests/testdata/bootstrappolicy
// (headers there name the upstream commits and the v1.35 changes). Object by object: labels,
// annotations, rules in order, roleRef and subjects; no object more, none less.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { createLab } from '../src/app/lab'

type Obj = { kind: string; metadata: { name: string; namespace?: string; labels?: object; annotations?: object }; rules?: unknown; roleRef?: unknown; subjects?: unknown }
const testdata = (file: string): Obj[] => parse(readFileSync(join(__dirname, 'testdata/bootstrappolicy', file), 'utf8')).items
const key = (o: Obj) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`
/** What the API server keeps of a default object (uid, resourceVersion and creationTimestamp aside). */
const essence = (o: Obj) => ({
  kind: o.kind,
  metadata: { name: o.metadata.name, namespace: o.metadata.namespace, labels: o.metadata.labels, annotations: o.metadata.annotations },
  ...(o.rules !== undefined ? { rules: o.rules } : {}),
  ...(o.roleRef !== undefined ? { roleRef: o.roleRef, subjects: o.subjects } : {}),
})

// REAL `kubectl get serviceaccount -n kube-system` of a fresh kubeadm v1.35.0 cluster (39 names).
const KUBE_SYSTEM_SAS = [
  'attachdetach-controller', 'bootstrap-signer', 'certificate-controller', 'clusterrole-aggregation-controller', 'coredns', 'cronjob-controller',
  'daemon-set-controller', 'default', 'deployment-controller', 'disruption-controller', 'endpoint-controller', 'endpointslice-controller',
  'endpointslicemirroring-controller', 'ephemeral-volume-controller', 'expand-controller', 'generic-garbage-collector', 'horizontal-pod-autoscaler',
  'job-controller', 'kube-proxy', 'legacy-service-account-token-cleaner', 'namespace-controller', 'node-controller', 'persistent-volume-binder',
  'pod-garbage-collector', 'pv-protection-controller', 'pvc-protection-controller', 'replicaset-controller', 'replication-controller',
  'resource-claim-controller', 'resourcequota-controller', 'root-ca-cert-publisher', 'service-account-controller', 'service-cidrs-controller',
  'statefulset-controller', 'token-cleaner', 'ttl-after-finished-controller', 'ttl-controller', 'validatingadmissionpolicy-status-controller',
  'volumeattributesclass-protection-controller',
]

let run: (line: string) => Promise<{ stdout: string; stderr: string; exitCode: number }>
const list = async (args: string): Promise<Obj[]> => {
  const r = await run(`kubectl get ${args} -o json`)
  expect(r.stderr).toBe('')
  return JSON.parse(r.stdout).items
}

function compare(expected: Obj[], actual: Obj[]) {
  const byKey = new Map(actual.map((o) => [key(o), o]))
  for (const e of expected) {
    const a = byKey.get(key(e))
    expect(a, `${e.kind} ${key(e)} is missing`).toBeDefined()
    expect(essence(a!), `${e.kind} ${key(e)}`).toEqual(essence(e))
  }
  expect(actual.map(key).sort()).toEqual(expected.map(key).sort())
}

beforeAll(async () => {
  const lab = await createLab({ seed: 'bootstrap-policy' })
  run = (line) => lab.run(line)
})

describe('the v1.35 bootstrap policy against the upstream testdata', () => {
  it('controller-roles.yaml: the 37 system:controller ClusterRoles, rules in order', async () => {
    const expected = testdata('controller-roles.yaml')
    expect(expected).toHaveLength(37)
    compare(expected, (await list('clusterroles')).filter((o) => o.metadata.name.startsWith('system:controller:')))
  })

  it('controller-role-bindings.yaml: each bound to its ServiceAccount in kube-system', async () => {
    const expected = testdata('controller-role-bindings.yaml')
    compare(expected, (await list('clusterrolebindings')).filter((o) => o.metadata.name.startsWith('system:controller:')))
  })

  it('namespace-roles.yaml and namespace-role-bindings.yaml: kube-system and kube-public, nothing in the other namespaces', async () => {
    compare(testdata('namespace-roles.yaml'), await list('roles -A'))
    compare(testdata('namespace-role-bindings.yaml'), await list('rolebindings -A'))
  })

  it('kube-system holds the ServiceAccounts of a kubeadm v1.35 cluster', async () => {
    const r = await run('kubectl -n kube-system get serviceaccounts -o name')
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(KUBE_SYSTEM_SAS.map((n) => `serviceaccount/${n}`))
  })

  it('lists as a kubeadm v1.35 cluster does, less the addons\' and kubeadm\'s own', async () => {
    // reference: 31 roles of cluster-roles.yaml + 37 controller roles + kubeadm:get-nodes (the CoreDNS and CNI addons' are not here);
    // bindings: 12 of policy.go + 37 controller bindings + 6 of kubeadm
    expect((await run('kubectl get clusterroles -o name')).stdout.split('\n').filter(Boolean)).toHaveLength(69)
    expect((await run('kubectl get clusterrolebindings -o name')).stdout.split('\n').filter(Boolean)).toHaveLength(55)
    // REAL `kubectl get rolebindings -A` rows of a kubeadm v1.35.0 cluster, NAMESPACE NAME ROLE (kubeadm's own four left out)
    const rows = (await run('kubectl get rolebindings -A')).stdout.split('\n').filter(Boolean).map((l) => l.split(/ +/).slice(0, 3).join(' '))
    expect(rows).toEqual([
      'NAMESPACE NAME ROLE',
      'kube-public system:controller:bootstrap-signer Role/system:controller:bootstrap-signer',
      'kube-system system::extension-apiserver-authentication-reader Role/extension-apiserver-authentication-reader',
      'kube-system system::leader-locking-kube-controller-manager Role/system::leader-locking-kube-controller-manager',
      'kube-system system::leader-locking-kube-scheduler Role/system::leader-locking-kube-scheduler',
      'kube-system system:controller:bootstrap-signer Role/system:controller:bootstrap-signer',
      'kube-system system:controller:cloud-provider Role/system:controller:cloud-provider',
      'kube-system system:controller:token-cleaner Role/system:controller:token-cleaner',
    ])
  })

  it('a controller identity is allowed what its role grants and nothing else', async () => {
    const can = async (args: string, sa: string) => (await run(`kubectl auth can-i ${args} --as=system:serviceaccount:kube-system:${sa}`)).stdout
    expect(await can('create pods -n default', 'job-controller')).toBe('yes\n')
    expect(await can('patch pods --subresource=status -n default', 'node-controller')).toBe('yes\n')
    expect(await can('get secrets -n default', 'job-controller')).toBe('no\n')
    expect(await can('get services -n default', 'expand-controller')).toBe('yes\n')
    expect(await can('create configmaps -n kube-system', 'cloud-provider')).toBe('yes\n')
    expect(await can('create configmaps -n default', 'cloud-provider')).toBe('no\n')
    expect(await can('delete secrets -n kube-system', 'token-cleaner')).toBe('yes\n')
    expect(await can('list secrets -n kube-system', 'bootstrap-signer')).toBe('yes\n')
    expect(await can('list secrets -n default', 'bootstrap-signer')).toBe('no\n')
  })
})
