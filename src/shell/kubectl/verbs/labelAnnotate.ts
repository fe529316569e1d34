// Imitates: kubectl pkg/cmd/label/label.go and pkg/cmd/annotate/annotate.go (pairs, overwrite checks, merge patch, messages).

import { resourceArgs, type ResourceRequest } from '../builder'
import type { RestClient } from '../client'
import { DRY_RUN_FLAG, PRINT_FLAGS, type Kubectl, type Verb } from '../command'
import { KubectlError } from '../errors'
import type { FlagDef } from '../flags'
import { loadInfos } from '../manifest'
import { dryRunStrategy, nameLine, outputFormat, printGeneric, printOptions } from '../output'
import { resourcePath } from '../resources'
import { matchesLabels, parseLabelSelector } from '../selectors'
import { FILENAME_FLAG } from './apply'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

type Kind = 'label' | 'annotation'

/** cmdutil.GetResourcesAndPairs: resources first, then KEY=VALUE / KEY- pairs. */
export function resourcesAndPairs(args: string[], pairType: Kind): { resources: string[]; pairs: string[] } {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (pair) pairs.push(s)
    else if (pairs.length > 0) throw new KubectlError(`error: all resources must be specified before ${pairType} changes: ${s}`)
    else resources.push(s)
  }
  return { resources, pairs }
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

/** validation.IsValidLabelValue. */
export function labelValueErrors(v: string): string[] {
  const errs: string[] = []
  if (v.length > 63) errs.push('must be no more than 63 characters')
  if (!LABEL_VALUE.test(v)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    )
  }
  return errs
}

/** label.go parseLabels. */
function parseLabels(spec: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>()
  const remove: string[] = []
  for (const s of spec) {
    if (s.includes('=')) {
      const parts = s.split('=')
      if (parts.length !== 2) throw new KubectlError(`error: invalid label spec: ${s}`)
      const errs = labelValueErrors(parts[1])
      if (errs.length) throw new KubectlError(`error: invalid label value: ${JSON.stringify(s)}: ${errs.join(';')}`)
      set.set(parts[0], parts[1])
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1))
    else throw new KubectlError(`error: unknown label spec: ${s}`)
  }
  if (remove.some((r) => set.has(r))) throw new KubectlError('error: can not both modify and remove a label in the same command')
  return { set, remove }
}

/** annotate.go parsePairs (with removal). */
function parseAnnotations(spec: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>()
  const remove: string[] = []
  const invalid: string[] = []
  for (const s of spec) {
    if (s.includes('=') && s[0] !== '=') {
      const i = s.indexOf('=')
      set.set(s.slice(0, i), s.slice(i + 1))
    } else if (s.endsWith('-') && s !== '-') remove.push(s.slice(0, -1))
    else invalid.push(s)
  }
  if (invalid.length) throw new KubectlError(`error: invalid annotation format: ${invalid.join(', ')}`)
  const both = remove.filter((r) => set.has(r))
  if (both.length) throw new KubectlError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`)
  return { set, remove }
}

/** The new map, or the overwrite error; `changed` says whether anything differs. */
function update(kind: Kind, current: Record<string, string> | undefined, set: Map<string, string>, remove: string[], overwrite: boolean): Record<string, string> {
  const cur = current ?? {}
  if (!overwrite) {
    const clashes = [...set].filter(([key, v]) => Object.hasOwn(cur, key) && cur[key] !== v)
    if (kind === 'label' && clashes.length) {
      const msgs = clashes.map(([key]) => `'${key}' already has a value (${cur[key]}), and --overwrite is false`)
      throw new KubectlError(`error: ${msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`}`)
    }
    if (kind === 'annotation' && clashes.length) {
      throw new KubectlError(`error: --overwrite is false but found the following declared annotation(s): ${clashes.map(([key]) => `'${key}' already has a value (${cur[key]})`).join('; ')}`)
    }
  }
  // through a Map: a key such as __proto__ or constructor is a key like any other
  const out = new Map(Object.entries(cur))
  for (const [key, v] of set) out.set(key, v)
  for (const key of remove) out.delete(key)
  return Object.fromEntries(out)
}

/** jsonpatch.CreateMergePatch restricted to one metadata map. */
function mergePatchFor(field: string, before: Record<string, string> | undefined, after: Record<string, string>): Obj {
  const b = new Map(Object.entries(before ?? {}))
  const a = new Map(Object.entries(after))
  const diff = new Map<string, string | null>()
  for (const [key, v] of a) if (b.get(key) !== v) diff.set(key, v)
  for (const key of b.keys()) if (!a.has(key)) diff.set(key, null)
  return diff.size ? { metadata: { [field]: Object.fromEntries(diff) } } : {}
}

const sameMap = (a: Record<string, string> | undefined, b: Record<string, string>) => JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b).sort())

function message(kind: Kind, before: Record<string, string> | undefined, after: Record<string, string>, overwrite: boolean): string {
  if (kind === 'annotation') return 'annotated'
  if (sameMap(before, after)) return 'not labeled'
  return !overwrite && Object.keys(after).length < Object.keys(before ?? {}).length ? 'unlabeled' : 'labeled'
}

async function targets(k: Kubectl, client: RestClient, reqs: ResourceRequest[]): Promise<ResourceRequest[]> {
  const out: ResourceRequest[] = []
  const sel = parseLabelSelector(k.flags.str('selector'))
  const listing = k.flags.bool('all') || k.flags.has('selector')
  for (const r of reqs) {
    if (r.name !== undefined) {
      out.push(r)
      continue
    }
    if (!listing) throw new KubectlError('error: resource(s) were provided, but no name was specified')
    const ns = k.flags.bool('all-namespaces') ? undefined : client.config.namespace
    const list = await client.request<Obj>('GET', `${resourcePath(r.resource, ns)}?limit=500`)
    for (const item of list.items ?? []) {
      if (matchesLabels(sel, item.metadata?.labels)) out.push({ resource: r.resource, name: item.metadata?.name, namespace: item.metadata?.namespace })
    }
  }
  return out
}

function makeRun(kind: Kind) {
  const field = kind === 'label' ? 'labels' : 'annotations'
  return async (k: Kubectl): Promise<number> => {
    const f = k.flags
    const { resources, pairs } = resourcesAndPairs(k.args, kind)
    const { set, remove } = kind === 'label' ? parseLabels(pairs) : parseAnnotations(pairs)
    if (f.bool('all') && f.has('selector')) throw new KubectlError('error: cannot set --all and --selector at the same time')
    const dryRun = dryRunStrategy(k)
    if (f.bool('local') && dryRun === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
    const files = f.all('filename')
    if (resources.length < 1 && files.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>')
    if (set.size < 1 && remove.length < 1 && !f.bool('list')) throw new KubectlError(`error: at least one ${kind} update is required`)
    const fmt = f.str('output') ? outputFormat(f.str('output'), false) : undefined
    const overwrite = f.bool('overwrite')
    const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
    const print = (obj: Obj, msg: string) => k.out(fmt ? printGeneric(obj, fmt, printOptions(k)) : nameLine(obj, msg + suffix))
    if (f.bool('local')) {
      if (files.length === 0) throw new KubectlError('error: --local requires -f')
      for (const info of loadInfos(k, files, 'default', false, false, kind)) {
        const before = info.obj.metadata?.[field]
        const after = update(kind, before, set, remove, overwrite)
        print({ ...info.obj, metadata: { ...info.obj.metadata, [field]: after } }, message(kind, before, after, overwrite))
      }
      return 0
    }
    const client = await k.client()
    const reqs = files.length ? loadInfos(k, files, client.config.namespace, client.config.enforceNamespace, false, kind).map((i) => ({ resource: i.resource, name: i.name, namespace: i.namespace })) : await targets(k, client, resourceArgs(resources))
    for (const r of reqs) {
      const path = resourcePath(r.resource, r.namespace ?? client.config.namespace, r.name)
      const live = await client.request<Obj>('GET', path)
      if (kind === 'label' && f.bool('list')) {
        const indent = reqs.length === 1 ? '' : ' '
        if (indent) k.out(`Listing labels for ${live.kind}.${r.resource.group}/${r.name}:\n`)
        for (const [key, v] of Object.entries<string>(live.metadata?.labels ?? {}).sort()) k.out(`${indent}${key}=${v}\n`)
        continue
      }
      const before = live.metadata?.[field]
      const after = update(kind, before, set, remove, overwrite)
      const patch = mergePatchFor(field, before, after)
      let out: Obj = { ...live, metadata: { ...live.metadata, [field]: after } }
      if (dryRun !== 'client') out = await client.request<Obj>('PATCH', `${path}${dryRun === 'server' ? '?dryRun=All' : ''}`, patch, 'application/merge-patch+json')
      print(out, message(kind, before, after, overwrite))
    }
    return 0
  }
}

/** The flags label and annotate share; kubectl words three of them for each (`labels` or `annotation`). */
const commonFlags = (what: 'label' | 'annotation'): FlagDef[] => [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  { ...FILENAME_FLAG, help: `Filename, directory, or URL to files identifying the resource to update the ${what === 'label' ? 'labels' : 'annotation'}` },
  { name: 'all', kind: 'bool', help: `Select all resources, in the namespace of the specified resource types${what === 'label' ? '' : '.'}` },
  { name: 'all-namespaces', short: 'A', kind: 'bool', help: 'If true, check the specified action in all namespaces.' },
  { name: 'selector', short: 'l', kind: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  { name: 'local', kind: 'bool', help: `If true, ${what} will NOT contact api-server but run locally.` },
  { name: 'recursive', short: 'R', kind: 'bool', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
]

/** --field-manager, named after the command as kubectl names it (the lab keeps no managed fields). */
const fieldManager = (name: string): FlagDef => ({ name: 'field-manager', kind: 'string', default: name, help: 'Name of the manager used to track field ownership.' })

export const label: Verb = {
  path: 'label',
  summary: 'Update the labels on a resource',
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  discoveryAttempts: 5,
  flags: [
    ...commonFlags('label'),
    fieldManager('kubectl-label'),
    { name: 'overwrite', kind: 'bool', help: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
    { name: 'list', kind: 'bool', help: 'If true, display the labels for a given resource.' },
  ],
  run: makeRun('label'),
}

export const annotate: Verb = {
  path: 'annotate',
  summary: 'Update the annotations on a resource',
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  discoveryAttempts: 5,
  flags: [...commonFlags('annotation'), fieldManager('kubectl-annotate'), { name: 'overwrite', kind: 'bool', help: 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.' }],
  run: makeRun('annotation'),
}
