// kubectl explain: the documentation of a resource or of one of its fields, from the server's
// OpenAPI v3 documents (GET /openapi/v3, then the group-version's document at its hashed URL).
// Imitates: kubectl pkg/cmd/explain/explain.go, pkg/explain/explain.go (SplitAndParseResourceRequestWithMatchingPrefix)
// and pkg/explain/v2/explain.go (printModelDescriptionWithGenerator)

import type { OpenApiV3Document } from '../../../cluster/apiserver/openapi/types'
import type { Kubectl, Verb } from '../command'
import { KubectlError } from '../errors'
import { ExplainError, renderExplain, type ExplainTarget } from '../explain/render'
import { resourceFor, type ResourceInfo } from '../resources'

const SUGGEST = 'Use "kubectl api-resources" for a complete list of supported resources.'
const NOT_A_FIELD = /[[\]{}()*@$'",=!<>|\s]/

/** `pods.spec.containers`, `roles.rbac.authorization.k8s.io.rules`: the resource and the field path after it. */
function splitRequest(typed: string): { r: ResourceInfo; fields: string[] } {
  const input = typed.replace(/\.$/, '')
  const parts = input.split('.')
  if (parts.some((p) => NOT_A_FIELD.test(p)) || parts[0] === '') throw new KubectlError('error: invalid jsonpath syntax, first node must be field node')
  const r = resourceFor(parts[0])
  if (!r) throw new KubectlError(`the server doesn't have a resource type "${parts[0]}"`)
  const groupResource = r.group ? `${r.resource}.${r.group}` : r.resource
  const rest = input.startsWith(groupResource) ? input.slice(groupResource.length).split('.') : parts.slice(1)
  return { r, fields: rest.filter((p) => p !== '') }
}

/** schema.ParseGroupVersion */
function parseGroupVersion(gv: string): { group: string; version: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' }
  const parts = gv.split('/')
  if (parts.length === 1) return { group: '', version: parts[0] }
  if (parts.length === 2) return { group: parts[0], version: parts[1] }
  throw new KubectlError(`error: unexpected GroupVersion string: ${gv}`)
}

async function explainRun(k: Kubectl): Promise<number> {
  if (k.args.length === 0) throw new KubectlError(`error: You must specify the type of resource to explain. ${SUGGEST}\n`)
  if (k.args.length > 1) throw new KubectlError('error: We accept only this format: explain RESOURCE\n')
  const client = await k.client()
  const { r, fields } = splitRequest(k.args[0])
  const target: ExplainTarget = { group: r.group, version: r.version, resource: r.resource }
  if (k.flags.str('api-version')) Object.assign(target, parseGroupVersion(k.flags.str('api-version')))
  const format = k.flags.str('output') || 'plaintext'
  if (format === 'plaintext-openapiv2') {
    throw new KubectlError('error: --output=plaintext-openapiv2 is not available in this lab (the lab serves the OpenAPI v3 documents only); the default plaintext output has the same descriptions')
  }
  const discovery = await client.request<{ paths?: Record<string, { serverRelativeURL?: string }> }>('GET', '/openapi/v3')
  const docPath = target.group ? `apis/${target.group}/${target.version}` : `api/${target.version}`
  const entry = discovery.paths?.[docPath]
  if (!entry?.serverRelativeURL) throw new KubectlError(`error: couldn't find resource for "${target.group}/${target.version}, Resource=${target.resource}"`)
  const doc = await client.request<OpenApiV3Document>('GET', entry.serverRelativeURL)
  if (format !== 'plaintext') throw new KubectlError(`error: unrecognized format: ${format}`)
  try {
    k.out(renderExplain(doc, target, fields, k.flags.bool('recursive')))
  } catch (e) {
    if (!(e instanceof ExplainError)) throw e
    k.out(e.written)
    throw new KubectlError(e.message)
  }
  return 0
}

export const explain: Verb = {
  path: 'explain',
  summary: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  discoveryAttempts: 5,
  flags: [
    { name: 'api-version', kind: 'string', help: 'Get different explanations for particular API version (API group/version)' },
    { name: 'output', short: 'o', kind: 'string', default: 'plaintext', help: 'Format in which to render the schema (plaintext, plaintext-openapiv2)' },
    { name: 'recursive', kind: 'bool', help: 'Print the fields of fields (Currently only 1 level deep)' },
  ],
  run: explainRun,
}
