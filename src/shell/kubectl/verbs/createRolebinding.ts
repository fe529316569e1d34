// Imitates: kubectl pkg/cmd/create/create_rolebinding.go and create_clusterrolebinding.go

import type { Kubectl, Verb } from '../command'
import { KubectlError, errorText } from '../errors'
import type { FlagDef } from '../flags'
import { dryRunStrategy, outputFormat } from '../output'
import { CREATE_FLAGS, createQuery, oneName, printCreated, withApplyAnnotation } from './create'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const RBAC_GROUP = 'rbac.authorization.k8s.io'

/** Subjects in kubectl's order: users, groups, then service accounts (`<namespace>:<name>`). */
function subjects(k: Kubectl): Obj[] {
  const out: Obj[] = []
  for (const name of k.flags.all('user')) out.push({ kind: 'User', apiGroup: RBAC_GROUP, name })
  for (const name of k.flags.all('group')) out.push({ kind: 'Group', apiGroup: RBAC_GROUP, name })
  for (const sa of k.flags.all('serviceaccount')) {
    const parts = sa.split(':')
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') throw new KubectlError('error: serviceaccount must be <namespace>:<name>')
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] })
  }
  return out
}

async function createBinding(k: Kubectl, cluster: boolean): Promise<number> {
  // cobra's required flag (create_clusterrolebinding.go: MarkFlagRequired), checked before the command runs
  if (cluster && !k.flags.has('clusterrole')) throw new KubectlError('error: required flag(s) "clusterrole" not set')
  const name = oneName(k)
  const f = k.flags
  const client = await k.client()
  const dryRun = dryRunStrategy(k)
  outputFormat(f.str('output'), false)
  const role = cluster ? '' : f.str('role')
  const clusterRole = f.str('clusterrole')
  if (!cluster && (clusterRole === '') === (role === '')) throw new KubectlError('error: exactly one of clusterrole or role must be specified')
  const ns = client.config.namespace
  const metadata: Obj = { name }
  if (!cluster && client.config.enforceNamespace) metadata.namespace = ns
  const binding: Obj = { kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding', apiVersion: `${RBAC_GROUP}/v1`, metadata }
  const subs = subjects(k)
  if (subs.length) binding.subjects = subs
  binding.roleRef = { apiGroup: RBAC_GROUP, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole }
  let obj = withApplyAnnotation(k, binding)
  if (dryRun !== 'client') {
    const path = cluster ? `/apis/${RBAC_GROUP}/v1/clusterrolebindings` : `/apis/${RBAC_GROUP}/v1/namespaces/${encodeURIComponent(ns)}/rolebindings`
    try {
      obj = await client.request<Obj>('POST', path + createQuery(k, dryRun), obj)
    } catch (e) {
      throw new KubectlError(`error: failed to create ${cluster ? 'clusterrolebinding' : 'rolebinding'}: ${errorText(e)}`)
    }
  }
  printCreated(k, obj, dryRun)
  return 0
}

const SUBJECT_FLAGS = (what: string): FlagDef[] => [
  { name: 'user', kind: 'stringArray', help: `Usernames to bind to the ${what}. The flag can be repeated to add multiple users.` },
  { name: 'group', kind: 'stringArray', help: `Groups to bind to the ${what}. The flag can be repeated to add multiple groups.` },
  { name: 'serviceaccount', kind: 'stringArray', help: `Service accounts to bind to the ${what}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.` },
]

export const createRoleBinding: Verb = {
  path: 'create rolebinding',
  summary: 'Create a role binding for a particular role or cluster role',
  usage: 'kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
  loader: 'rest',
  flags: [
    ...CREATE_FLAGS,
    { name: 'clusterrole', kind: 'string', help: 'ClusterRole this RoleBinding should reference' },
    { name: 'role', kind: 'string', help: 'Role this RoleBinding should reference' },
    ...SUBJECT_FLAGS('role'),
  ],
  run: (k) => createBinding(k, false),
}

export const createClusterRoleBinding: Verb = {
  path: 'create clusterrolebinding',
  summary: 'Create a cluster role binding for a particular cluster role',
  usage: 'kubectl create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
  loader: 'rest',
  flags: [...CREATE_FLAGS, { name: 'clusterrole', kind: 'string', help: 'ClusterRole this ClusterRoleBinding should reference' }, ...SUBJECT_FLAGS('clusterrole')],
  run: (k) => createBinding(k, true),
}
