// Imitates: kubectl pkg/cmd/edit/edit.go and pkg/cmd/util/editor/editoptions.go (EditOptions.Run in
// NormalEditMode, visitToPatch, editResults.addError): the objects open in the page's editor under
// kubectl's header; on save, a two-way strategic merge patch per changed object; a file with a syntax
// error or an object the server finds invalid is reopened with the reasons at the top.

import { resourceArgs } from '../builder'
import type { RestClient } from '../client'
import { PRINT_FLAGS, type Kubectl, type Verb } from '../command'
import { KubectlError, StatusError, errorText } from '../errors'
import { loadInfos } from '../manifest'
import { printGeneric, printOptions, type OutputFormat } from '../output'
import { sortedJson, threeWayMergePatch } from '../applyPatch'
import { groupResource, kindString, resourcePath } from '../resources'
import type { EditRequest } from '../../types'
import { editHeader, errorLine, fieldLine, hasLines, manualStrip, readEdited, stripComments, tempFile, type EditReason, type EditedInfo } from './editBuffer'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const NO_ARGS = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/** What the lab says where real kubectl would start $EDITOR: there is no editor without the page. */
export const NO_EDITOR = `error: kubectl edit opens the lab's editor, and no editor is attached in this session (the transcript runner and Node tests have none).
Instead, write the changed object to a file and apply it:
  kubectl get TYPE NAME -o yaml          # the object as it is now
  cat > obj.yaml <<'EOF'
  ...the changed object...
  EOF
  kubectl apply -f obj.yaml`

/** The objects to edit, freshly read from the server (the builder with Latest()). */
async function fetchObjects(k: Kubectl, client: RestClient): Promise<Obj[]> {
  const ns = client.config.namespace
  const files = k.flags.all('filename')
  if (files.length) {
    const infos = loadInfos(k, files, ns, client.config.enforceNamespace, false, 'edit')
    return Promise.all(infos.map((i) => client.request<Obj>('GET', resourcePath(i.resource, i.namespace || undefined, i.name))))
  }
  const out: Obj[] = []
  for (const r of resourceArgs(k.args)) {
    if (r.name !== undefined) {
      out.push(await client.request<Obj>('GET', resourcePath(r.resource, ns, r.name)))
      continue
    }
    const list = await client.request<Obj>('GET', `${resourcePath(r.resource, ns)}?limit=500`)
    const apiVersion = r.resource.group ? `${r.resource.group}/${r.resource.version}` : r.resource.version
    for (const item of list.items ?? []) out.push({ apiVersion, kind: r.resource.kind, ...item })
  }
  return out
}

function withoutManagedFields(o: Obj): Obj {
  if (!o.metadata?.managedFields) return o
  const { managedFields: _drop, ...metadata } = o.metadata
  void _drop
  return { ...o, metadata }
}

/** What one pass of saving did (editResults). */
interface Results {
  reasons: EditReason[]
  /** Lines to mark in the reopened file: field paths of invalid objects. */
  fields: { field: string; message: string }[]
  retryable: number
  notfound: number
  edit: number
}

function printDone(k: Kubectl, fmt: OutputFormat, info: EditedInfo, obj: Obj, op: string): void {
  if (fmt.kind === 'human') k.out(`${kindString(info.resource)}/${obj.metadata?.name ?? ''} ${op}\n`)
  else k.out(printGeneric(obj, fmt, printOptions(k)))
}

/** addError: what kubectl prints for a failed patch, and what it counts. */
function addError(k: Kubectl, r: Results, e: unknown, info: EditedInfo): void {
  const what = `${groupResource(info.resource)} "${info.obj.metadata?.name ?? ''}"`
  if (e instanceof StatusError && e.reason === 'Invalid') {
    r.edit++
    const causes = e.status.details?.causes ?? []
    r.reasons.push({ head: `${what} was not valid`, other: causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) })
    for (const c of causes) if (c.field) r.fields.push({ field: c.field, message: c.message ?? '' })
    k.err(`error: ${what} is invalid\n`)
  } else if (e instanceof StatusError && e.code === 404) {
    r.notfound++
    k.err(`error: ${what} could not be found on the server\n`)
  } else {
    r.retryable++
    k.err(`error: ${what} could not be patched: ${errorText(e)}\n`)
  }
}

/** visitToPatch: one PATCH per changed object; errors other than the server's are returned (they end the edit). */
async function patchAll(k: Kubectl, client: RestClient, fmt: OutputFormat, originals: Obj[], edited: EditedInfo[], r: Results): Promise<void> {
  for (const info of edited) {
    const uid = info.obj.metadata?.uid
    const original = originals.find((o) => o.metadata?.uid === uid)
    if (!original) throw new KubectlError(`error: no original object found for ${info.obj.kind}/${info.obj.metadata?.name ?? ''} (metadata.uid was changed)`)
    if (sortedJson(original) === sortedJson(info.obj)) {
      printDone(k, fmt, info, original, 'skipped')
      continue
    }
    if (original.apiVersion !== info.obj.apiVersion || original.kind !== info.obj.kind || original.metadata?.name !== info.obj.metadata?.name) {
      throw new KubectlError('error: At least one of apiVersion, kind and name was changed')
    }
    const patch = threeWayMergePatch(original, info.obj, original)
    if (k.flags.bool('output-patch')) k.out(`Patch: ${sortedJson(patch)}\n`)
    const ns = info.resource.namespaced ? info.obj.metadata?.namespace : undefined
    const query = `?fieldManager=${encodeURIComponent(k.flags.str('field-manager') || 'kubectl-edit')}&fieldValidation=${validation(k)}`
    try {
      const patched = await client.request<Obj>('PATCH', resourcePath(info.resource, ns, info.obj.metadata?.name) + query, patch, 'application/strategic-merge-patch+json')
      printDone(k, fmt, info, patched, 'edited')
    } catch (e) {
      if (e instanceof KubectlError) throw e
      addError(k, r, e, info)
    }
  }
}

function validation(k: Kubectl): string {
  const v = k.flags.str('validate').toLowerCase()
  return v === 'warn' ? 'Warn' : v === 'ignore' || v === 'false' ? 'Ignore' : 'Strict'
}

/** RequireNamespace: objects without a namespace get the command's; another namespace is an error. */
function requireNamespace(edited: EditedInfo[], ns: string): void {
  for (const { obj, resource } of edited) {
    if (!resource.namespaced) continue
    const own = obj.metadata?.namespace
    if (!own) obj.metadata = { ...obj.metadata, namespace: ns }
    else if (own !== ns) {
      throw new KubectlError(`error: the namespace from the provided object "${own}" does not match the namespace "${ns}". You must pass '--namespace=${own}' to perform this operation.`)
    }
  }
}

async function run(k: Kubectl): Promise<number> {
  const out = k.flags.str('output') || 'yaml'
  if (out !== 'yaml' && out !== 'json') {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${out}", allowed formats are: json,yaml`)
  }
  if (k.args.length === 0 && k.flags.all('filename').length === 0) throw new KubectlError(NO_ARGS)
  const openEditor = k.ctx.lab.edit?.bind(k.ctx.lab)
  if (!openEditor) throw new KubectlError(NO_EDITOR)
  const fmt: OutputFormat = { kind: k.flags.str('output') ? (out as 'yaml' | 'json') : 'human' }
  const client = await k.client()
  const objects = (await fetchObjects(k, client)).map(withoutManagedFields)
  if (objects.length === 0) throw new KubectlError('error: edit cancelled, no objects found')
  const shown = objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: {} }
  const yaml = out === 'yaml'
  const ext = yaml ? '.yaml' : '.json'
  const fs = k.ctx.fs
  const title = `kubectl ${k.ctx.argv.slice(1).join(' ')}`
  const original = (yaml ? editHeader([]) : '') + printGeneric(shown, { kind: out }, { showManagedFields: true })
  let reasons: EditReason[] = []
  let markers: EditRequest['markers'] = []
  let containsError = false
  let edited = ''
  let previousFile = ''
  for (let pass = 0; ; pass++) {
    const text = containsError ? (yaml ? editHeader(reasons) : '') + manualStrip(edited) : original
    const file = tempFile(fs, ext, `${k.now()}:${shown.metadata?.uid ?? ''}:${pass}`)
    fs.writeFile(file, text)
    const saved = await openEditor({ path: file, text, language: yaml ? 'yaml' : 'json', title, markers })
    const result = saved ?? text
    fs.writeFile(file, result)
    if (containsError && stripComments(edited) === stripComments(result)) {
      k.err(`A copy of your changes has been stored to "${file}"\n`)
      throw new KubectlError('error: Edit cancelled, no valid changes were saved.')
    }
    if (previousFile) fs.remove(previousFile)
    edited = result
    if (stripComments(original) === stripComments(edited)) {
      fs.remove(file)
      k.err('Edit cancelled, no changes made.\n')
      return 0
    }
    if (!hasLines(edited)) {
      fs.remove(file)
      k.err('Edit cancelled, saved file was empty.\n')
      return 0
    }
    previousFile = file
    let infos: EditedInfo[]
    try {
      infos = readEdited(edited)
    } catch (e) {
      reasons = [{ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] }]
      markers = reopenMarkers(yaml, reasons, [{ line: syntaxErrorLine(manualStrip(edited)), message: (e as Error).message }])
      containsError = true
      continue
    }
    const results: Results = { reasons: [], fields: [], retryable: 0, notfound: 0, edit: 0 }
    try {
      requireNamespace(infos, client.config.namespace)
      await patchAll(k, client, fmt, objects, infos, results)
    } catch (e) {
      k.err(`A copy of your changes has been stored to "${file}"\n`)
      throw e
    }
    if (results.retryable > 0) {
      k.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`)
      return 1
    }
    if (results.notfound > 0) {
      k.err(`The edits you made on deleted resources have been saved to "${file}"\n`)
      return 1
    }
    if (results.edit === 0) {
      fs.remove(file)
      return 0
    }
    reasons = results.reasons
    containsError = true
    const body = manualStrip(edited)
    markers = reopenMarkers(yaml, reasons, results.fields.map((f) => ({ line: fieldLine(body, f.field), message: `${f.field}: ${f.message}` })))
  }
}

/** The line of the first syntax error in the file (without its comments), if the parser names one. */
function syntaxErrorLine(body: string): number | undefined {
  try {
    readEdited(body)
    return undefined
  } catch (e) {
    return errorLine((e as Error).message)
  }
}

/**
 * Marks for the reopened file (header + the edited text without comments): each problem at its line of the
 * text, or, when it has none, at the first reason in the header (line 5; line 1 of a JSON file).
 */
function reopenMarkers(yaml: boolean, reasons: EditReason[], problems: { line?: number; message: string }[]): EditRequest['markers'] {
  const header = yaml ? editHeader(reasons).split('\n').length - 1 : 0
  return problems.map((p) => ({ line: p.line !== undefined ? header + p.line : yaml ? 5 : 1, message: p.message }))
}

export const edit: Verb = {
  path: 'edit',
  summary: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  discoveryAttempts: 5,
  flags: [
    ...PRINT_FLAGS,
    { name: 'filename', short: 'f', kind: 'stringArray', help: 'Filename, directory, or URL to files to use to edit the resource' },
    { name: 'recursive', short: 'R', kind: 'bool', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'output-patch', kind: 'bool', help: 'Output the patch if the resource is edited.' },
    { name: 'field-manager', kind: 'string', default: 'kubectl-edit', help: 'Name of the manager used to track field ownership.' },
    { name: 'validate', kind: 'string', default: 'strict', noOptDefault: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.' },
    { name: 'windows-line-endings', kind: 'bool', help: 'Defaults to the line ending native to your platform.' },
  ],
  run,
}
