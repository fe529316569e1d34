// Imitates: kubectl pkg/cmd/apply/apply.go and patcher.go (client-side apply), and create.go RunCreate for `create -f`.

import { lastApplied, threeWayMergePatch, withLastApplied } from '../applyPatch'
import type { RestClient } from '../client'
import { DRY_RUN_FLAG, PRINT_FLAGS, type Kubectl, type Verb } from '../command'
import { KubectlError, StatusError, renderError } from '../errors'
import type { FlagDef } from '../flags'
import { loadInfos, type Info } from '../manifest'
import { dryRunStrategy, outputFormatFor, printGeneric, printOptions, type DryRun, type OutputFormat } from '../output'
import { kindString, resourcePath } from '../resources'
import { UNAUTHORIZED_DISCOVERY, discoveryLogLines, transportFailure } from '../transport'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

export const FILENAME_FLAG: FlagDef = { name: 'filename', short: 'f', kind: 'stringArray', help: 'The files that contain the configurations to apply.' }

/** cmdutil.AddSourceToErr: `error when creating "f.yaml": <message>` inside the server's Status. */
export function withSource(e: unknown, verb: string, source: string): unknown {
  if (!(e instanceof StatusError)) return e
  return new StatusError({ ...e.status, message: `error when ${verb} "${source}": ${e.status.message ?? ''}` })
}

const validating = (k: Kubectl) => !['false', 'ignore'].includes(k.flags.str('validate').toLowerCase())

/**
 * What happens before the first object is sent: the OpenAPI download of the validator (unless --validate=false),
 * then discovery for the mapping; a rejected token or an unreachable server ends the command as kubectl does.
 */
export async function preflight(k: Kubectl, client: RestClient, source: string): Promise<void> {
  const path = validating(k) ? '/openapi/v3?timeout=32s' : '/api?timeout=32s'
  const failure = transportFailure(client.config, 'GET', path)
  let cause = failure?.message
  if (!failure && (await client.raw('GET', path)).status === 401) cause = UNAUTHORIZED_DISCOVERY
  if (cause === undefined) return
  if (validating(k)) {
    throw new KubectlError(`error: error validating "${source}": error validating data: failed to download openapi: ${cause}; if you choose to ignore these errors, turn validation off with --validate=false`)
  }
  k.err(discoveryLogLines(k.ctx, 1, cause))
  throw new KubectlError(`error: unable to recognize "${source}": ${cause}`)
}

export async function infosFor(k: Kubectl, op: string): Promise<{ client: RestClient; infos: Info[] }> {
  const client = await k.client()
  const infos = loadInfos(k, k.flags.all('filename'), client.config.namespace, client.config.enforceNamespace, validating(k), op)
  await preflight(k, client, infos[0].source)
  return { client, infos }
}

function query(k: Kubectl, manager: string, dryRun: DryRun): string {
  const v = k.flags.str('validate').toLowerCase()
  const validation = v === 'warn' ? 'Warn' : v === 'ignore' || v === 'false' ? 'Ignore' : 'Strict'
  return `?${dryRun === 'server' ? 'dryRun=All&' : ''}fieldManager=${k.flags.str('field-manager') || manager}&fieldValidation=${validation}`
}

function printResult(k: Kubectl, fmt: OutputFormat, info: Info, obj: Obj, op: string, dryRun: DryRun, printed: string[]): void {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
  // NamePrinter: the returned object's name; <unknown> for objects without one (a created TokenReview).
  const name = obj?.metadata?.name || info.name || '<unknown>'
  if (fmt.kind === 'human') k.out(`${kindString(info.resource)}/${name} ${op}${suffix}\n`)
  else if (fmt.kind === 'name') k.out(`${kindString(info.resource)}/${name}\n`)
  else printed.push(printGeneric(obj, fmt, printOptions(k)))
}

async function applyOne(k: Kubectl, client: RestClient, info: Info, dryRun: DryRun): Promise<[Obj, string]> {
  const path = resourcePath(info.resource, info.namespace || undefined, info.name)
  const live = await client.getOrUndefined<Obj>(path)
  const modified = withLastApplied(info.obj)
  if (live === undefined) {
    if (dryRun === 'client') return [modified, 'created']
    try {
      return [await client.request<Obj>('POST', resourcePath(info.resource, info.namespace || undefined) + query(k, 'kubectl-client-side-apply', dryRun), modified), 'created']
    } catch (e) {
      throw withSource(e, 'creating', info.source)
    }
  }
  const patch = threeWayMergePatch(lastApplied(live), modified, live)
  if (Object.keys(patch).length === 0) return [live, 'unchanged']
  if (dryRun === 'client') return [live, 'configured']
  try {
    const res = await client.request<Obj>('PATCH', path + query(k, 'kubectl-client-side-apply', dryRun), patch, 'application/strategic-merge-patch+json')
    return [res, 'configured']
  } catch (e) {
    if (e instanceof StatusError) {
      const msg = `error when applying patch:\n${JSON.stringify(patch)}\n\nto:\nResource: "${info.resource.group ? `${info.resource.group}/` : ''}${info.resource.version}, Resource=${info.resource.resource}", GroupVersionKind: "${info.obj.apiVersion}, Kind=${info.obj.kind}"\nName: "${info.name}", Namespace: "${info.namespace}"\nfor: "${info.source}": ${e.status.message ?? ''}`
      throw new StatusError({ ...e.status, message: msg })
    }
    throw e
  }
}

/** Runs `op` on every info, printing as it goes and the errors at the end (ContinueOnError). */
async function forEach(k: Kubectl, infos: Info[], fmt: OutputFormat, dryRun: DryRun, op: (info: Info) => Promise<[Obj, string]>): Promise<number> {
  const errors: unknown[] = []
  const printed: string[] = []
  for (const info of infos) {
    try {
      const [obj, what] = await op(info)
      printResult(k, fmt, info, obj, what, dryRun, printed)
    } catch (e) {
      errors.push(e)
    }
  }
  if (printed.length) k.out(fmt.kind === 'yaml' ? printed.join('---\n') : printed.join(''))
  for (const e of errors) k.err(`${renderError(e).text}\n`)
  return errors.length ? 1 : 0
}

export const apply: Verb = {
  path: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  usage: "kubectl apply (-f FILENAME | -k DIRECTORY) [options]",
  loader: 'namespace',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    FILENAME_FLAG,
    { name: 'field-manager', kind: 'string', default: 'kubectl-client-side-apply', help: 'Name of the manager used to track field ownership.' },
    { name: 'validate', kind: 'string', default: 'strict', noOptDefault: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.' },
    { name: 'server-side', kind: 'bool', help: 'If true, apply runs in the server instead of the client.' },
    { name: 'force-conflicts', kind: 'bool', help: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'prune', kind: 'bool', help: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.' },
    { name: 'recursive', short: 'R', kind: 'bool', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  ],
  async run(k) {
    if (k.flags.bool('server-side') || k.flags.bool('prune')) throw new KubectlError('error: --server-side and --prune are not available in this lab; kubectl apply here is client-side apply')
    if (k.flags.all('filename').length === 0) throw new KubectlError('error: must specify one of -f and -k')
    const dryRun = dryRunStrategy(k)
    const fmt = outputFormatFor(k, false)
    const { client, infos } = await infosFor(k, 'apply')
    return forEach(k, infos, fmt, dryRun, (info) => applyOne(k, client, info, dryRun))
  },
}

/** `kubectl create -f`: POST every object (with the annotation when --save-config). */
export async function createFromFiles(k: Kubectl): Promise<number> {
  const dryRun = dryRunStrategy(k)
  const fmt = outputFormatFor(k, false)
  const { client, infos } = await infosFor(k, 'create')
  return forEach(k, infos, fmt, dryRun, async (info) => {
    const obj = k.flags.bool('save-config') ? withLastApplied(info.obj) : info.obj
    if (dryRun === 'client') return [obj, 'created']
    try {
      return [await client.request<Obj>('POST', resourcePath(info.resource, info.namespace || undefined) + query(k, 'kubectl-create', dryRun), obj), 'created']
    } catch (e) {
      throw withSource(e, 'creating', info.source)
    }
  })
}

