// Imitates: k8s.io/cli-runtime/pkg/resource (FileVisitor, StreamVisitor, the YAMLOrJSONDecoder, mapping infos)
// as `kubectl apply|create|delete -f` read manifests.

import { parseAllDocuments, type YAMLError } from 'yaml'
import type { Kubectl } from './command'
import { KubectlError } from './errors'
import { RESOURCES, type ResourceInfo } from './resources'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** One object of a manifest, mapped to its resource (the builder's resource.Info). */
export interface Info {
  obj: Obj
  resource: ResourceInfo
  name: string
  /** The namespace the request goes to ('' for cluster-scoped). */
  namespace: string
  /** The file as typed (`f.yaml`), or `STDIN`. */
  source: string
}

/**
 * What go-yaml says for the yaml library's error codes. The lab parses with the `yaml` npm package, whose
 * errors do not map one-to-one onto go-yaml's: the message is the go-yaml one for the same kind of mistake,
 * and the line is the one the yaml package reports, counted inside the document as kubectl counts it.
 */
const GO_YAML: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  BAD_INDENT: 'did not find expected key',
  MISSING_CHAR: 'found unexpected end of stream',
  TAB_AS_INDENT: 'found a tab character that violates indentation',
  MULTILINE_IMPLICIT_KEY: "could not find expected ':'",
  UNEXPECTED_TOKEN: 'did not find expected key',
}

function yamlError(source: string, errors: YAMLError[], firstLine: number): KubectlError {
  const e = errors[0]
  // go-yaml names the line before a badly indented key (checked: `name: x` then ` bad: 1` → the `name` line);
  // for a key continued on the next line (`name: x` then `   bad: 1`) it names the continuation's line.
  const continued = errors.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY')?.linePos?.[1]?.line
  const at = continued ?? (e.linePos?.[0]?.line ?? 1) - (e.code === 'BAD_INDENT' ? 1 : 0)
  const line = at - firstLine + 1
  const flow = /^Flow (sequence|mapping)/.exec(e.message)
  const msg = flow ? `did not find expected ',' or '${flow[1] === 'sequence' ? ']' : '}'}'` : GO_YAML[e.code] ?? 'did not find expected key'
  return new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${msg}`)
}

/** The documents of one file: JSON when it starts with `{` (a single object), else YAML documents. */
export function parseManifest(text: string, source: string): Obj[] {
  if (/^\s*[{[]/.test(text)) {
    try {
      const v = JSON.parse(text)
      return Array.isArray(v) ? v : [v]
    } catch (e) {
      throw new KubectlError(`error: error parsing ${source}: ${(e as Error).message}`)
    }
  }
  const out: Obj[] = []
  for (const doc of parseAllDocuments(text)) {
    const start = doc.range?.[0] ?? 0
    // kubectl splits at `---` and converts each document alone: its lines count from the one after
    // the marker, or from the top of the file for the first document (comments included).
    const before = text.slice(0, start).split('\n')
    const marker = before.findLastIndex((l, i) => l.startsWith('---') && i < before.length - 1)
    const firstLine = text.startsWith('---', start) ? before.length + 1 : marker >= 0 ? marker + 2 : 1
    if (doc.errors.length) throw yamlError(source, doc.errors, firstLine)
    const v = doc.toJS()
    if (v !== null && v !== undefined) out.push(v)
  }
  return out
}

/** The files -f names: `-` is stdin, a directory gives its .json/.yaml/.yml files. */
function readSources(k: Kubectl, filenames: string[]): { source: string; text: string }[] {
  const out: { source: string; text: string }[] = []
  for (const f of filenames) {
    if (f === '-') {
      out.push({ source: 'STDIN', text: k.ctx.stdin })
      continue
    }
    if (/^https?:\/\//.test(f)) throw new KubectlError(`error: unable to read URL "${f}": the lab has no network beyond the cluster`)
    const path = k.ctx.fs.resolve(f)
    if (k.ctx.fs.isDir(path)) {
      for (const name of k.ctx.fs.list(path) ?? []) {
        if (!/\.(json|ya?ml)$/.test(name)) continue
        const text = k.ctx.fs.readFile(`${path}/${name}`)
        if (text !== undefined) out.push({ source: `${f.replace(/\/$/, '')}/${name}`, text })
      }
      continue
    }
    const text = k.ctx.fs.readFile(path)
    if (text === undefined) throw new KubectlError(`error: the path "${f}" does not exist`)
    out.push({ source: f, text })
  }
  return out
}

/** client-side validation that remains without OpenAPI: apiVersion and kind must be set. */
function checkTypeMeta(o: Obj, source: string): void {
  const missing = [...(o.apiVersion ? [] : ['apiVersion not set']), ...(o.kind ? [] : ['kind not set'])]
  if (missing.length === 0) return
  const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`
  throw new KubectlError(`error: error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`)
}

function mapping(o: Obj, source: string): ResourceInfo {
  const gv = String(o.apiVersion)
  const slash = gv.indexOf('/')
  const group = slash < 0 ? '' : gv.slice(0, slash)
  const version = slash < 0 ? gv : gv.slice(slash + 1)
  const r = RESOURCES.find((x) => x.kind === o.kind && x.group === group && x.version === version)
  if (r) return r
  throw new KubectlError(
    `error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${o.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${o.kind}" in version "${gv}"\nensure CRDs are installed first`,
  )
}

/** Reads, parses and maps every object of the -f files (a `List` gives its items), with kubectl's namespace rules. */
export function loadInfos(k: Kubectl, filenames: string[], namespace: string, enforce: boolean, validate: boolean, op = 'apply'): Info[] {
  if (filenames.length === 0) throw new KubectlError('error: must specify one of -f and -k')
  const infos: Info[] = []
  for (const { source, text } of readSources(k, filenames)) {
    const docs = parseManifest(text, source).flatMap((d) => (d?.kind === 'List' || (d?.kind ?? '').endsWith('List') ? (d.items ?? []) : [d]))
    for (const o of docs) {
      if (validate) checkTypeMeta(o, source)
      else if (!o.kind) throw new KubectlError(`error: unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(o)}'`)
      const resource = mapping(o, source)
      const own: string | undefined = o.metadata?.namespace || undefined
      if (resource.namespaced && enforce && own !== undefined && own !== namespace) {
        throw new KubectlError(
          `error: the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
        )
      }
      const ns = resource.namespaced ? (own ?? namespace) : ''
      const obj = structuredClone(o)
      if (resource.namespaced) obj.metadata = { ...obj.metadata, namespace: ns }
      infos.push({ obj, resource, name: String(o.metadata?.name ?? ''), namespace: ns, source })
    }
  }
  if (infos.length === 0) throw new KubectlError(`error: no objects passed to ${op}`)
  return infos
}
