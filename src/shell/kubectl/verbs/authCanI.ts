// Imitates: kubectl pkg/cmd/auth/cani.go

import type { Kubectl, Verb } from '../command'
import { KubectlError } from '../errors'
import { KUBECTL_TABWRITER, tabwrite } from '../format'
import { breakdownRule, combineResourceGroup, compactRules, goList, sortRules, type PolicyRule } from '../rbacRules'
import { RESOURCES, type ResourceInfo } from '../resources'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'])
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'])
const NON_STANDARD_NAMES = new Set(['users', 'groups'])

/** WarningPrinter.Print: kubectl's messages here end in a newline already, so a blank line follows. */
const warn = (k: Kubectl, msg: string) => k.err(`Warning: ${msg}\n`)

interface Gvr {
  group: string
  resource: string
  info?: ResourceInfo
}

function lookup(resource: string, group: string | undefined): ResourceInfo | undefined {
  return RESOURCES.find((r) => (group === undefined || r.group === group) && (r.resource === resource || r.singular === resource || r.shortNames.includes(resource)))
}

/** resourceFor: `*`, `pods`, `po`, `roles.rbac.authorization.k8s.io`; a warning and the word as typed when unknown. */
function resourceFor(k: Kubectl, arg: string, mapperWorks: boolean): Gvr {
  if (arg === '*') return { group: '', resource: '*' }
  const lower = arg.toLowerCase()
  const dot = lower.indexOf('.')
  const resource = dot < 0 ? lower : lower.slice(0, dot)
  const group = dot < 0 ? '' : lower.slice(dot + 1)
  const parts = lower.split('.')
  let info: ResourceInfo | undefined
  if (mapperWorks && parts.length >= 3) {
    const full = lookup(parts[0], parts.slice(2).join('.'))
    if (full && full.version === parts[1]) info = full
  }
  if (mapperWorks && !info) info = lookup(resource, group === '' ? undefined : group)
  if (info) return { group: info.group, resource: info.resource, info }
  if (!NON_STANDARD_NAMES.has(group ? `${resource}.${group}` : resource)) {
    warn(k, group ? `the server doesn't have a resource type '${resource}' in group '${group}'\n` : `the server doesn't have a resource type '${resource}'\n`)
  }
  return { group: '', resource: arg }
}

function printRules(k: Kubectl, status: Obj): void {
  if (status.incomplete) warn(k, `the list may be incomplete: ${status.evaluationError ?? ''}`)
  const rules: PolicyRule[] = [
    ...(status.resourceRules ?? []).map((r: Obj) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames })),
    ...(status.nonResourceRules ?? []).map((r: Obj) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  ]
  const compact = sortRules(compactRules(rules.flatMap(breakdownRule)))
  let text = k.flags.bool('no-headers') ? '' : 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n'
  for (const r of compact) {
    text += `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`
  }
  k.out(tabwrite(text, KUBECTL_TABWRITER))
}

async function run(k: Kubectl): Promise<number> {
  const list = k.flags.bool('list')
  const args = k.args
  let verb = ''
  let url = ''
  let gvr: Gvr | undefined
  let name = ''
  if (list) {
    if (args.length !== 0) throw new KubectlError('error: list option must be specified with no arguments')
  } else if (args.length !== 2) {
    throw new KubectlError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.")
  }
  const client = await k.bareClient()
  if (!list) {
    verb = args[0]
    if (args[1].startsWith('/')) url = args[1]
    else {
      const slash = args[1].indexOf('/')
      const type = slash < 0 ? args[1] : args[1].slice(0, slash)
      if (slash >= 0) name = args[1].slice(slash + 1)
      const logged = await client.discover(2, true)
      k.err(logged)
      gvr = resourceFor(k, type, logged === '')
    }
  }
  const all = k.flags.bool('all-namespaces')
  const namespace = all ? '' : client.config.namespace
  const subresource = k.flags.str('subresource')
  if (list) {
    if (k.flags.bool('quiet') || all || subresource) throw new KubectlError("error: list option can't be specified with neither quiet, all-namespaces nor subresource options")
    const body = { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec: { namespace }, status: { resourceRules: null, nonResourceRules: null, incomplete: false } }
    const review = await client.request<Obj>('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', body)
    printRules(k, review.status ?? {})
    return 0
  }
  if (url) {
    if (subresource) throw new KubectlError('error: --subresource can not be used with NonResourceURL')
    if (!NON_RESOURCE_VERBS.has(verb)) warn(k, `verb '${verb}' is not a known verb\n`)
  } else if (gvr && gvr.resource !== '' && !all) {
    if (gvr.info && !gvr.info.namespaced) {
      warn(k, gvr.group ? `resource '${gvr.resource}' is not namespace scoped in group '${gvr.group}'\n` : `resource '${gvr.resource}' is not namespace scoped\n`)
    }
    if (!RESOURCE_VERBS.has(verb)) warn(k, `verb '${verb}' is not a known verb\n`)
  }
  if (k.flags.bool('no-headers')) throw new KubectlError('error: --no-headers cannot be set without --list specified')
  const spec: Obj = url
    ? { nonResourceAttributes: { path: url, verb } }
    : { resourceAttributes: omitEmpty({ namespace, verb, group: gvr?.group, resource: gvr?.resource, subresource, name }) }
  const body = { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec, status: { allowed: false } }
  const review = await client.request<Obj>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', body)
  const st: Obj = review.status ?? {}
  if (!k.flags.bool('quiet')) {
    if (st.allowed) k.out('yes\n')
    else k.out(`no${st.reason ? ` - ${st.reason}` : ''}${st.evaluationError ? ` - ${st.evaluationError}` : ''}\n`)
  }
  return st.allowed ? 0 : 1
}

function omitEmpty(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v)) as Record<string, string>
}

export const authCanI: Verb = {
  path: 'auth can-i',
  summary: 'Check whether an action is allowed',
  usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]',
  loader: 'rest',
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool', help: 'If true, check the specified action in all namespaces.' },
    { name: 'quiet', short: 'q', kind: 'bool', help: 'If true, suppress output and just return the exit code.' },
    { name: 'subresource', kind: 'string', help: 'SubResource such as pod/log or deployment/scale' },
    { name: 'list', kind: 'bool', help: 'If true, prints all allowed actions.' },
    { name: 'no-headers', kind: 'bool', help: 'If true, prints allowed actions without headers' },
  ],
  run,
}
