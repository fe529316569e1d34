// Imitates: k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs: `TYPE`, `TYPE1,TYPE2 NAME…`, `TYPE/NAME…`).

import { KubectlError } from './errors'
import { expandCategory, resolveResource, type ResourceInfo } from './resources'

export interface ResourceRequest {
  resource: ResourceInfo
  /** Undefined: the whole collection. */
  name?: string
  /** Set when the object came from a list across namespaces. */
  namespace?: string
}

/** SplitResourceArgument: the comma-separated words, each once, in their order (an empty word too). */
export function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))]
}

/** normalizeMultipleResourcesArgs: `TYPE1,TYPE2 NAME...` becomes `TYPE1/NAME... TYPE2/NAME...`. */
function normalizeArgs(args: string[]): string[] {
  if (args.length < 2) return args
  const types = splitResourceArgument(args[0])
  return types.length > 1 ? types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`)) : args
}

/** splitResourceTypeName: `TYPE/NAME` as its two words, or kubectl's error for a malformed one. */
function tupleOf(arg: string): { type: string; name: string } {
  const seg = arg.split('/')
  if (seg.length !== 2) throw new KubectlError('error: arguments in resource/name form may not have more than one slash')
  const [type, name] = seg
  if (type === '' || name === '' || splitResourceArgument(type).length !== 1) {
    throw new KubectlError('error: arguments in resource/name form must have a single resource and name')
  }
  return { type, name }
}

/** ReplaceAliases: each word of `TYPE1,TYPE2` that names a category (`all`) becomes its resources. */
const replaceAliases = (types: string) => types.split(',').map((t) => expandCategory(t)?.join(',') ?? t).join(',')

/**
 * Splits the words after the verb into what to fetch, as Builder.ResourceTypeOrNameArgs and its
 * visitors do: `TYPE/NAME...`; `TYPE1,TYPE2 NAME...` (one request per type and name); `TYPE NAME...`;
 * `TYPE1,TYPE2` (each resource once, a category such as `all` expanded). `selecting`: a selector
 * (-l, --field-selector, delete's --all) is given, which names may not meet.
 */
export function resourceArgs(args: string[], selecting = false): ResourceRequest[] {
  if (args.length === 0) return []
  const words = normalizeArgs(args)
  const slashes = words.filter((a) => a.includes('/')).length
  if (slashes > 0 && slashes !== words.length) {
    throw new KubectlError(
      `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
    )
  }
  // every word's shape is checked before any type is looked up, and a selector's meeting with names
  // (visitBySelector) before the types too
  const tuples = slashes > 0 ? words.map(tupleOf) : []
  if (selecting && tuples.length) throw new KubectlError('error: selectors and the all flag cannot be used when passing resource/name arguments')
  if (tuples.length) return tuples.map(({ type, name }) => ({ resource: resolveResource(type), name }))
  const types = splitResourceArgument(replaceAliases(words[0]))
  const names = words.slice(1)
  if (selecting && names.length) throw new KubectlError('error: name cannot be provided when a selector is specified')
  // visitByName: names go with one resource only (`get all NAME`)
  if (names.length > 0 && types.length > 1) throw new KubectlError('error: you must specify only one resource')
  // resourceMappings: each resource once, whatever it was called (`svc,services`)
  const resources = [...new Set(types.map(resolveResource))]
  if (names.length === 0) return resources.map((resource) => ({ resource }))
  return names.map((name) => ({ resource: resources[0], name }))
}
