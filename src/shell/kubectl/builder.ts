// Imitates: k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs: `TYPE`, `TYPE1,TYPE2 NAME…`, `TYPE/NAME…`).

import { KubectlError } from './errors'
import { resolveResource, type ResourceInfo } from './resources'

export interface ResourceRequest {
  resource: ResourceInfo
  /** Undefined: the whole collection. */
  name?: string
  /** Set when the object came from a list across namespaces. */
  namespace?: string
}

/** Splits the words after the verb into what to fetch. */
export function resourceArgs(args: string[]): ResourceRequest[] {
  if (args.length === 0) return []
  if (args.some((a) => a.includes('/'))) {
    const out: ResourceRequest[] = []
    for (const a of args) {
      const slash = a.indexOf('/')
      if (slash < 0) {
        throw new KubectlError(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        )
      }
      const type = a.slice(0, slash)
      const name = a.slice(slash + 1)
      if (type === '' || name === '') throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`)
      out.push({ resource: resolveResource(type), name })
    }
    return out
  }
  const types = args[0].split(',').filter((t) => t !== '')
  if (types.length === 0) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`)
  const resources = types.map(resolveResource)
  const names = args.slice(1)
  if (names.length === 0) return resources.map((resource) => ({ resource }))
  const out: ResourceRequest[] = []
  for (const resource of resources) for (const name of names) out.push({ resource, name })
  return out
}

/**
 * What the builder says when a selector (-l, --field-selector, or delete's --all) meets the
 * arguments (resource.Builder visitBySelector): names given as `TYPE NAME...`, then `TYPE/NAME`.
 * Call once resourceArgs has accepted the arguments (its own errors come first).
 */
export function checkSelectorArgs(args: string[], selecting: boolean): void {
  if (!selecting || args.length === 0) return
  if (args.length > 1 && !args.some((a) => a.includes('/'))) throw new KubectlError('error: name cannot be provided when a selector is specified')
  if (args.some((a) => a.includes('/'))) throw new KubectlError('error: selectors and the all flag cannot be used when passing resource/name arguments')
}
