// Imitates: kubectl pkg/cmd/patch/patch.go (patch types, --local, the `patched` / `patched (no change)` messages).

import { parse as parseYaml } from 'yaml'
import { jsonPatch, mergePatch } from '../../../cluster/apiserver/handlers/patch'
import { strategicMergePatch } from '../../../cluster/apiserver/handlers/strategicMerge'
import { resourceArgs } from '../builder'
import { DRY_RUN_FLAG, PRINT_FLAGS, type Kubectl, type Verb } from '../command'
import { KubectlError } from '../errors'
import { loadInfos } from '../manifest'
import { dryRunStrategy, nameLine, outputFormat, printGeneric, printOptions } from '../output'
import { resourcePath } from '../resources'
import { FILENAME_FLAG } from './apply'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
}

/**
 * yaml.ToJSON of the -p text: text that starts like JSON (`{` or `[`) goes to the server as it is,
 * which answers a syntax error in Go's words (`raw`); other text is read as YAML.
 */
function parsePatch(text: string): { patch: unknown; raw?: string } {
  if (/^\s*[{[]/.test(text)) {
    try {
      return { patch: JSON.parse(text) }
    } catch {
      return { patch: undefined, raw: text }
    }
  }
  try {
    const v = parseYaml(text) as unknown
    if (v !== null && typeof v === 'object') return { patch: v }
  } catch {
    // falls through to kubectl's message
  }
  throw new KubectlError('error: invalid JSON document')
}

/** The client-side patch (--local, --dry-run=client): strategicpatch's words for a body that is not JSON. */
function localPatch(p: { patch: unknown; raw?: string }): unknown {
  if (p.raw !== undefined) throw new KubectlError('error: invalid JSON document')
  return p.patch
}

function applyLocal(type: string, obj: Obj, patch: unknown): Obj {
  if (type === 'json') {
    if (!Array.isArray(patch)) throw new KubectlError('error: json: cannot unmarshal object into Go value of type jsonpatch.Patch')
    for (const op of patch as Obj[]) {
      const r = jsonPatch(obj, [op as never])
      if (r instanceof Error) throw new KubectlError(`error: error in ${op.op} for path: '${op.path}': ${r.message}`)
      obj = r as Obj
    }
    return obj
  }
  return (type === 'merge' ? mergePatch(obj, patch) : strategicMergePatch(String(obj.kind ?? ''), obj, patch as Obj)) as Obj
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

async function run(k: Kubectl): Promise<number> {
  const f = k.flags
  const type = f.str('type')
  let text = f.str('patch')
  if (f.has('patch-file')) {
    const file = f.str('patch-file')
    const t = k.ctx.fs.readFile(k.ctx.fs.resolve(file))
    if (t === undefined) throw new KubectlError(`error: unable to read patch file: open ${file}: no such file or directory`)
    text = t
  }
  if (!text) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch')
  if (!(type in CONTENT_TYPES)) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${type}"`)
  const dryRun = dryRunStrategy(k)
  if (f.bool('local') && dryRun === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  const parsed = parsePatch(text)
  const fmt = f.str('output') ? outputFormat(f.str('output'), false) : undefined
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
  const print = (before: Obj, after: Obj) =>
    k.out(fmt ? printGeneric(after, fmt, printOptions(k)) : nameLine(after, `patched${same(before, after) ? ' (no change)' : ''}${suffix}`))
  const files = f.all('filename')
  if (f.bool('local')) {
    if (files.length === 0) throw new KubectlError('error: --local requires -f')
    for (const info of loadInfos(k, files, 'default', false, false, 'patch')) print(info.obj, applyLocal(type, structuredClone(info.obj), localPatch(parsed)))
    return 0
  }
  if (k.args.length === 0 && files.length === 0) {
    throw new KubectlError(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
  }
  const client = await k.client()
  const reqs = files.length
    ? loadInfos(k, files, client.config.namespace, client.config.enforceNamespace, false, 'patch').map((i) => ({ resource: i.resource, name: i.name as string | undefined, namespace: i.namespace }))
    : resourceArgs(k.args).map((r) => ({ ...r, namespace: client.config.namespace }))
  for (const r of reqs) {
    if (r.name === undefined) throw new KubectlError('error: resource(s) were provided, but no name was specified')
    const path = resourcePath(r.resource, r.namespace, r.name)
    const before = await client.request<Obj>('GET', path)
    const after = dryRun === 'client'
      ? applyLocal(type, structuredClone(before), localPatch(parsed))
      : await client.request<Obj>('PATCH', `${path}${dryRun === 'server' ? '?dryRun=All' : ''}`, parsed.raw ?? parsed.patch, CONTENT_TYPES[type])
    print(before, after)
  }
  return 0
}

export const patchVerb: Verb = {
  path: 'patch',
  summary: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  discoveryAttempts: 5,
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    { ...FILENAME_FLAG, help: 'Filename, directory, or URL to files identifying the resource to update' },
    { name: 'patch', short: 'p', kind: 'string', help: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', kind: 'string', help: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', kind: 'string', default: 'strategic', help: 'The type of patch being provided; one of [json merge strategic]' },
    { name: 'local', kind: 'bool', help: 'If true, patch will operate on the content of the file, not the server-side resource.' },
    { name: 'subresource', kind: 'string', help: 'If specified, patch will operate on the subresource of the requested object.' },
    { name: 'field-manager', kind: 'string', default: 'kubectl-patch', help: 'Name of the manager used to track field ownership.' },
    { name: 'recursive', short: 'R', kind: 'bool', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  ],
  run,
}
