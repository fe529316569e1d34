// Imitates: kubectl pkg/cmd/create/create.go, create_namespace.go, create_serviceaccount.go

import { DRY_RUN_FLAG, PRINT_FLAGS, type Kubectl, type Verb } from '../command'
import { KubectlError, StatusError, usageError } from '../errors'
import { checkRawURI, rawRequest } from './raw'
import type { FlagDef } from '../flags'
import { dryRunStrategy, nameLine, outputFormatFor, printGeneric, printOptions, type DryRun } from '../output'
import { LAST_APPLIED } from '../applyPatch'
import { createFromFiles } from './apply'

export const CREATE_FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  DRY_RUN_FLAG,
  { name: 'field-manager', kind: 'string', default: 'kubectl-create', help: 'Name of the manager used to track field ownership.' },
  { name: 'save-config', kind: 'bool', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
  { name: 'validate', kind: 'string', default: 'strict', noOptDefault: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.' },
]

/** `?dryRun=All&fieldManager=kubectl-create&fieldValidation=Strict`, keys sorted as url.Values encodes them. */
export function createQuery(k: Kubectl, dryRun: DryRun): string {
  const q: string[] = []
  if (dryRun === 'server') q.push('dryRun=All')
  const fm = k.flags.str('field-manager')
  if (fm) q.push(`fieldManager=${encodeURIComponent(fm)}`)
  const v = k.flags.str('validate').toLowerCase()
  q.push(`fieldValidation=${v === 'warn' ? 'Warn' : v === 'ignore' || v === 'false' ? 'Ignore' : 'Strict'}`)
  return `?${q.join('&')}`
}

/** Prints what create/run made: the object in -o's format, or `<kind>/<name> created[ (dry run)]`. */
export function printCreated(k: Kubectl, obj: Record<string, unknown>, dryRun: DryRun): void {
  const fmt = outputFormatFor(k, false)
  if (fmt.kind === 'human') {
    const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
    k.out(nameLine(obj, `created${suffix}`))
    return
  }
  k.out(printGeneric(obj, fmt, { typed: true, ...printOptions(k) }))
}


/**
 * util.CreateOrUpdateAnnotation for --save-config: the object's JSON (struct order, as kubectl built it, without
 * this annotation) and a newline, stored in the last-applied-configuration annotation.
 */
export function withApplyAnnotation(k: Kubectl, obj: Record<string, unknown>): Record<string, unknown> {
  if (!k.flags.bool('save-config')) return obj
  const meta = (obj.metadata ?? {}) as Record<string, unknown>
  const annotations = { ...((meta.annotations ?? {}) as Record<string, string>) }
  delete annotations[LAST_APPLIED]
  const clean = { ...obj, metadata: { ...meta, ...(Object.keys(annotations).length ? { annotations } : {}) } }
  if (!Object.keys(annotations).length) delete (clean.metadata as Record<string, unknown>).annotations
  const json = `${JSON.stringify(clean)}\n`
  return { ...obj, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: json } } }
}

export function oneName(k: Kubectl): string {
  if (k.args.length !== 1) throw usageError(k.commandPath, `exactly one NAME is required, got ${k.args.length}`)
  return k.args[0]
}

export const createNamespace: Verb = {
  path: 'create namespace',
  aliases: ['ns'],
  summary: 'Create a namespace with the specified name',
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  flags: CREATE_FLAGS,
  async run(k) {
    const name = oneName(k)
    const dryRun = dryRunStrategy(k)
    outputFormatFor(k, false)
    let obj: Record<string, unknown> = { kind: 'Namespace', apiVersion: 'v1', metadata: { name }, spec: {}, status: {} }
    if (dryRun !== 'client') {
      const client = await k.client()
      obj = await client.request('POST', `/api/v1/namespaces${createQuery(k, dryRun)}`, obj)
    }
    printCreated(k, obj, dryRun)
    return 0
  },
}

export const createServiceAccount: Verb = {
  path: 'create serviceaccount',
  aliases: ['sa'],
  summary: 'Create a service account with the specified name',
  usage: 'kubectl create serviceaccount NAME [--dry-run=server|client|none] [options]',
  flags: CREATE_FLAGS,
  async run(k) {
    const name = oneName(k)
    const dryRun = dryRunStrategy(k)
    outputFormatFor(k, false)
    const client = await k.client()
    const ns = client.config.namespace
    const metadata: Record<string, unknown> = { name }
    if (client.config.enforceNamespace) metadata.namespace = ns
    let obj: Record<string, unknown> = { kind: 'ServiceAccount', apiVersion: 'v1', metadata }
    if (dryRun !== 'client') {
      try {
        obj = await client.request('POST', `/api/v1/namespaces/${encodeURIComponent(ns)}/serviceaccounts${createQuery(k, dryRun)}`, obj)
      } catch (e) {
        if (e instanceof StatusError) throw new KubectlError(`error: failed to create serviceaccount: ${e.status.message ?? ''}`)
        throw e
      }
    }
    printCreated(k, obj, dryRun)
    return 0
  },
}

/** `kubectl create` itself: -f creates from manifests; sub-commands the lab lacks say so. */
const LAB_MISSING = ['cronjob', 'cj', 'deployment', 'deploy', 'ingress', 'ing', 'job', 'poddisruptionbudget', 'pdb', 'priorityclass', 'pc', 'quota', 'resourcequota', 'service', 'svc']

export const createParent: Verb = {
  path: 'create',
  summary: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [
    ...CREATE_FLAGS,
    { name: 'filename', short: 'f', kind: 'stringArray', help: 'Filename, directory, or URL to files to use to create the resource' },
    { name: 'raw', kind: 'string', help: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.' },
  ],
  unavailable: (sub) =>
    LAB_MISSING.includes(sub)
      ? `error: "kubectl create ${sub}" is not available in this lab; it can create namespace, serviceaccount, token, configmap, secret generic, role, clusterrole, rolebinding, clusterrolebinding, and anything from a file with kubectl create -f`
      : undefined,
  async run(k) {
    const sub = k.args[0]
    if (sub !== undefined) throw usageError('kubectl create', `Unexpected args: [${k.args.join(' ')}]`)
    if (!k.flags.has('filename')) throw new KubectlError('error: must specify one of -f and -k')
    if (k.flags.has('raw')) return createRaw(k)
    return createFromFiles(k)
  },
}

/** create --raw URI -f FILE: the file POSTed to the URI (rawhttp.RawPost), after CreateOptions.Validate's checks in its order. */
async function createRaw(k: Kubectl): Promise<number> {
  const files = k.flags.all('filename')
  if (files.length !== 1) throw new KubectlError('error: --raw can only use a single local file or stdin')
  if (/^https?:\/\//.test(files[0])) throw new KubectlError('error: --raw cannot read from a url')
  if (k.flags.str('output')) throw new KubectlError('error: --raw and --output are mutually exclusive')
  checkRawURI(k.flags.str('raw'))
  return rawRequest(k, 'POST', files[0])
}
