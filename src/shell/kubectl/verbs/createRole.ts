// Imitates: kubectl pkg/cmd/create/create_role.go and create_clusterrole.go

import type { Kubectl, Verb } from '../command'
import { KubectlError } from '../errors'
import type { FlagDef } from '../flags'
import { dryRunStrategy, outputFormat } from '../output'
import type { PolicyRule } from '../rbacRules'
import { resourceFor } from '../resources'
import { CREATE_FLAGS, createQuery, oneName, printCreated, withApplyAnnotation } from './create'
import { stringSlice } from '../flags'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate']
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options']
const SPECIAL_VERBS: Record<string, [string, string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  escalate: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras']],
}

interface ResourceOption {
  group: string
  resource: string
  subresource: string
}

const dedupe = (xs: string[]) => [...new Set(xs)]

function parseResources(values: string[]): ResourceOption[] {
  const out: ResourceOption[] = []
  for (const r of values) {
    const slash = r.indexOf('/')
    const section = slash < 0 ? r : r.slice(0, slash)
    const dot = section.indexOf('.')
    const opt = { resource: dot < 0 ? section : section.slice(0, dot), group: dot < 0 ? '' : section.slice(dot + 1), subresource: slash < 0 ? '' : r.slice(slash + 1) }
    if (opt.resource === '*' && dot < 0 && slash < 0) return [opt]
    out.push(opt)
  }
  return out
}

/** The group and resource the RESTMapper gives (or the typed ones), and the no-match error when it has none. */
function mapped(r: ResourceOption): { group: string; resource: string; err?: string } {
  const info = resourceFor(r.resource, r.group === '' ? undefined : r.group)
  if (info) return { group: info.group, resource: info.resource }
  const err = r.group ? `the server doesn't have a resource type "${r.resource}" in group "${r.group}"` : `the server doesn't have a resource type "${r.resource}"`
  return { group: r.group, resource: r.resource, err }
}

function validateResources(resources: ResourceOption[], verbs: string[]): void {
  for (const r of resources) {
    if (r.resource === '') throw new KubectlError('error: resource must be specified if apiGroup/subresource specified')
    if (r.resource === '*') return
    const m = mapped(r)
    let err = m.err
    for (const v of verbs) {
      const special = Object.hasOwn(SPECIAL_VERBS, v) ? SPECIAL_VERBS[v] : undefined
      if (!special) continue
      if (!special.some(([g, res]) => g === m.group && res === m.resource)) throw new KubectlError(`error: can not perform '${v}' on '${m.resource}' in group '${m.group}'`)
      err = undefined
    }
    // checkErr prints a NoResourceMatchError without the `error: ` prefix.
    if (err) throw new KubectlError(err)
  }
}

/** generateResourcePolicyRules: one rule per API group (groups sorted), then the non-resource URLs. */
function policyRules(verbs: string[], resources: ResourceOption[], names: string[], urls: string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>()
  for (const r of resources) {
    const m = mapped(r)
    const res = r.subresource ? `${m.resource}/${r.subresource}` : m.resource
    const list = byGroup.get(m.group) ?? []
    if (!list.includes(res)) list.push(res)
    byGroup.set(m.group, list)
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => {
    const rule: Obj = { verbs, apiGroups: [g], resources: byGroup.get(g) }
    if (names.length) rule.resourceNames = names
    return rule as PolicyRule
  })
  if (urls.length) rules.push({ verbs, nonResourceURLs: urls })
  return rules
}

async function createRoleLike(k: Kubectl, cluster: boolean): Promise<number> {
  const name = oneName(k)
  const f = k.flags
  const rawVerbs = stringSlice(f.all('verb'))
  const verbs = rawVerbs.includes('*') ? ['*'] : dedupe(rawVerbs)
  const resources = parseResources(stringSlice(f.all('resource')))
  const names = dedupe(f.all('resource-name'))
  const urls = cluster ? dedupe(stringSlice(f.all('non-resource-url'))) : []
  const client = await k.client()
  const dryRun = dryRunStrategy(k)
  outputFormat(f.str('output'), false)
  if (cluster && f.has('aggregation-rule')) throw new KubectlError('error: --aggregation-rule is not available in this lab')
  if (verbs.length === 0) throw new KubectlError('error: at least one verb must be specified')
  const warnVerbs = () => verbs.forEach((v) => VALID_RESOURCE_VERBS.includes(v) || k.err(`Warning: '${v}' is not a standard resource verb\n`))
  if (!cluster) warnVerbs()
  if (!cluster && resources.length === 0) throw new KubectlError('error: at least one resource must be specified')
  if (cluster && resources.length === 0 && urls.length === 0) throw new KubectlError('error: one of resource or nonResourceURL must be specified')
  if (cluster && resources.length > 0) warnVerbs()
  if (resources.length > 0) validateResources(resources, verbs)
  for (const v of urls.length ? verbs : []) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new KubectlError(`error: invalid verb: '${v}' for nonResourceURL`)
  for (const u of urls) {
    if (u === '*') continue
    if (!u.startsWith('/')) throw new KubectlError('error: nonResourceURL should start with /')
    if (u.slice(0, -1).includes('*')) throw new KubectlError("error: nonResourceURL only supports wildcard matches when '*' is at the end")
  }
  const ns = client.config.namespace
  const metadata: Obj = { name }
  if (!cluster && client.config.enforceNamespace) metadata.namespace = ns
  let role: Obj = withApplyAnnotation(k, {
    kind: cluster ? 'ClusterRole' : 'Role',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata,
    rules: policyRules(verbs, resources, names, urls),
  })
  if (dryRun !== 'client') {
    const path = cluster ? '/apis/rbac.authorization.k8s.io/v1/clusterroles' : `/apis/rbac.authorization.k8s.io/v1/namespaces/${encodeURIComponent(ns)}/roles`
    role = await client.request<Obj>('POST', path + createQuery(k, dryRun), role)
  }
  printCreated(k, role, dryRun)
  return 0
}

const RULE_FLAGS: FlagDef[] = [
  ...CREATE_FLAGS,
  { name: 'verb', kind: 'stringArray', help: 'Verb that applies to the resources contained in the rule' },
  { name: 'resource', kind: 'stringArray', help: 'Resource that the rule applies to' },
  { name: 'resource-name', kind: 'stringArray', help: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' },
]

export const createRole: Verb = {
  path: 'create role',
  summary: 'Create a role with single rule',
  usage: 'kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
  loader: 'rest',
  discoveryAttempts: 2,
  flags: RULE_FLAGS,
  run: (k) => createRoleLike(k, false),
}

export const createClusterRole: Verb = {
  path: 'create clusterrole',
  summary: 'Create a cluster role',
  usage: 'kubectl create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
  loader: 'rest',
  discoveryAttempts: 2,
  flags: [
    ...RULE_FLAGS,
    { name: 'non-resource-url', kind: 'stringArray', help: 'A partial url that user should have access to.' },
    { name: 'aggregation-rule', kind: 'string', shownDefault: '', help: 'An aggregation label selector for combining ClusterRoles.' },
  ],
  run: (k) => createRoleLike(k, true),
}
