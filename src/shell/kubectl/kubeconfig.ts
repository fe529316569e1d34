// Imitates: k8s.io/client-go/tools/clientcmd/api (Config with maps of clusters, contexts, users), clientcmd.Write
// and the loading rules' file choice (--kubeconfig, then $KUBECONFIG, then ~/.kube/config) for `kubectl config`.

import { parse as parseYaml } from 'yaml'
import type { CommandContext } from '../types'
import { KubectlError } from './errors'
import { toYaml } from './format'
import { folderOf, relativizedEntry, resolvedPath } from './kubeconfigPaths'
import { encodeBase64Text } from '../../common/base64'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** A kubeconfig as client-go holds it: named maps (the file's lists are sorted by name when written). */
export interface KubeConfig {
  currentContext: string
  clusters: Map<string, Obj>
  contexts: Map<string, Obj>
  users: Map<string, Obj>
  preferences: Obj
  extensions?: unknown
  /** The cluster and user entries as the file held them (JSON), for telling the changed ones when writing. */
  loaded?: { clusters: Map<string, string>; users: Map<string, string> }
}

/** The file `kubectl config` reads and writes. */
export function kubeconfigPath(ctx: CommandContext, flag: string | undefined): string {
  const explicit = flag ?? ctx.env.get('KUBECONFIG')?.split(':').find((p) => p !== '')
  return ctx.fs.resolve(explicit ?? '~/.kube/config')
}

function named(list: unknown, field: string): Map<string, Obj> {
  const m = new Map<string, Obj>()
  if (Array.isArray(list)) for (const e of list as Obj[]) if (e && typeof e.name === 'string') m.set(e.name, (e[field] as Obj) ?? {})
  return m
}

export function loadKubeconfig(ctx: CommandContext, path: string): KubeConfig {
  const text = path === '/dev/null' ? '' : ctx.fs.readFile(path) ?? ''
  let doc: Obj = {}
  try {
    const parsed = text.trim() === '' ? {} : (parseYaml(text) as unknown)
    if (parsed && typeof parsed === 'object') doc = parsed as Obj
  } catch (e) {
    throw new KubectlError(`error: error loading config file "${path}": ${(e as Error).message.split('\n')[0]}`)
  }
  const clusters = named(doc.clusters, 'cluster')
  const users = named(doc.users, 'user')
  const json = (m: Map<string, Obj>) => new Map([...m].map(([name, e]) => [name, JSON.stringify(e)]))
  return {
    currentContext: typeof doc['current-context'] === 'string' ? doc['current-context'] : '',
    clusters,
    contexts: named(doc.contexts, 'context'),
    users,
    preferences: doc.preferences && typeof doc.preferences === 'object' ? doc.preferences : {},
    loaded: { clusters: json(clusters), users: json(users) },
  }
}

/** The Go struct field order of clientcmd/api/v1 Cluster, AuthInfo and Context (kubectl prints JSON in it). */
const FIELD_ORDER: Record<string, string[]> = {
  cluster: ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'],
  user: ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'],
  context: ['cluster', 'user', 'namespace', 'extensions'],
}

/** Fields of clientcmd/api/v1 without omitempty: Cluster's server, Context's cluster and user (an empty string when unset). */
const ALWAYS: Record<string, string[]> = { cluster: ['server'], user: [], context: ['cluster', 'user'] }

function ordered(entry: Obj, field: string): Obj {
  const o: Obj = { ...Object.fromEntries(ALWAYS[field].map((k) => [k, ''])), ...entry }
  const order = FIELD_ORDER[field]
  const keys = Object.keys(o).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
  return Object.fromEntries(keys.map((k) => [k, o[k]]))
}

const sortedList = (m: Map<string, Obj>, field: string) =>
  m.size ? [...m.keys()].sort().map((name) => ({ name, [field]: ordered(m.get(name) ?? {}, field) })) : null

/** The v1 Config object as kubectl prints and writes it, in the struct's field order (`null` for empty lists, as Go does). */
export function toV1(c: KubeConfig): Obj {
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: c.preferences,
    clusters: sortedList(c.clusters, 'cluster'),
    users: sortedList(c.users, 'user'),
    contexts: sortedList(c.contexts, 'context'),
    'current-context': c.currentContext,
  }
}

/**
 * clientcmd.ModifyConfig: writes the kubeconfig, each cluster and user entry that changed with the
 * files it names relative to the kubeconfig's folder (kubeconfigPaths.ts).
 */
export function saveKubeconfig(ctx: CommandContext, path: string, c: KubeConfig): void {
  const dir = path.slice(0, path.lastIndexOf('/'))
  if (dir && !ctx.fs.isDir(dir)) ctx.fs.mkdir(dir)
  const base = folderOf(path)
  // an entry as it was read is written as it was (a config not read from a file: every entry is new)
  const relativized = (m: Map<string, Obj>, was: Map<string, string> | undefined, kind: 'cluster' | 'user') =>
    new Map([...m].map(([name, e]) => [name, JSON.stringify(e) === was?.get(name) ? e : relativizedEntry(e, kind, base)]))
  const written = { ...c, clusters: relativized(c.clusters, c.loaded?.clusters, 'cluster'), users: relativized(c.users, c.loaded?.users, 'user') }
  ctx.fs.writeFile(path, toYaml(toV1(written)))
}

/** The file fields `config view --flatten` reads into data, with their data fields (users' first, then clusters'). */
const FLATTENED: [kind: 'users' | 'clusters', file: string, data: string][] = [
  ['users', 'client-certificate', 'client-certificate-data'],
  ['users', 'client-key', 'client-key-data'],
  ['clusters', 'certificate-authority', 'certificate-authority-data'],
]

/**
 * api.FlattenConfig as `config view --flatten` runs it on the kubeconfig at `path`: each file an entry
 * names (relative to the kubeconfig's folder) read into its data field, and the path dropped.
 */
export function flattened(ctx: CommandContext, path: string, c: KubeConfig): KubeConfig {
  const out: KubeConfig = { ...c, clusters: new Map(c.clusters), users: new Map(c.users) }
  for (const [kind, fileField, dataField] of FLATTENED) {
    for (const [name, entry] of out[kind]) {
      const file = entry[fileField]
      if (typeof file !== 'string' || file === '') continue
      if (typeof entry[dataField] === 'string' && entry[dataField] !== '') throw new KubectlError('error: cannot have values for both path and contents')
      const abs = resolvedPath(file, folderOf(path))
      const text = ctx.fs.readFile(abs)
      if (text === undefined) throw new KubectlError(`error: ${ctx.fs.isDir(abs) ? `read ${abs}: is a directory` : `open ${abs}: no such file or directory`}`)
      const { [fileField]: _, ...rest } = entry
      out[kind].set(name, { ...rest, [dataField]: encodeBase64Text(text) })
    }
  }
  return out
}

const SECRET_DATA = ['certificate-authority-data', 'client-certificate-data', 'client-key-data']
const SECRET_TEXT = ['token', 'password']

/** api.ShortenConfig and RedactSecrets as `config view` applies them without --raw. */
export function redacted(c: KubeConfig): KubeConfig {
  const hide = (m: Map<string, Obj>) =>
    new Map([...m].map(([name, v]) => {
      const o: Obj = { ...v }
      for (const k of SECRET_DATA) if (typeof o[k] === 'string' && o[k] !== '') o[k] = 'DATA+OMITTED'
      for (const k of SECRET_TEXT) if (typeof o[k] === 'string' && o[k] !== '') o[k] = 'REDACTED'
      return [name, o]
    }))
  return { ...c, clusters: hide(c.clusters), users: hide(c.users) }
}

/** api.MinifyConfig: only the current context, its cluster and user. */
export function minified(c: KubeConfig, contextOverride?: string): KubeConfig {
  const name = contextOverride ?? c.currentContext
  if (!name) throw new KubectlError('error: current-context must exist in order to minify')
  const ctx = c.contexts.get(name)
  if (!ctx) throw new KubectlError(`error: cannot locate context ${name}`)
  const pick = (m: Map<string, Obj>, key: string) => (m.has(key) ? new Map([[key, m.get(key) as Obj]]) : new Map<string, Obj>())
  return { ...c, currentContext: name, contexts: new Map([[name, ctx]]), clusters: pick(c.clusters, ctx.cluster ?? ''), users: pick(c.users, ctx.user ?? '') }
}
