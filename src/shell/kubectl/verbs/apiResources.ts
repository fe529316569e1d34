// Imitates: kubectl pkg/cmd/apiresources/apiresources.go and print_flags.go (v1.35: -o json and
// yaml print the APIResourceList, -o wide joins verbs and categories with commas).

import type { Verb } from '../command'
import { KubectlError, usageError } from '../errors'
import { stringSlice } from '../flags'
import { KUBECTL_TABWRITER, tabwrite, toJsonOrdered, toYaml } from '../format'
import { API_GROUPS } from '../../../cluster/api/groups'
import { CORE_RESOURCES, type ResourceInfo } from '../../../cluster/api/resources'

/** -o's formats: JSONYamlPrintFlags, NamePrintFlags, HumanPrintFlags (printed sorted in the error). */
const FORMATS = ['json', 'yaml', 'name', 'wide']

/**
 * What discovery lists (ServerPreferredResources: the core group first, then the groups in the
 * server's order; no subresources), as kubectl's flat APIResourceList holds each resource: its
 * group and version set, fields in metav1.APIResource's order.
 */
function discovered(): (Omit<ResourceInfo, 'group'> & { group?: string })[] {
  const entry = (r: ResourceInfo) => ({
    name: r.name,
    singularName: r.singularName,
    namespaced: r.namespaced,
    // set by kubectl for its APIVERSION column; the core group's empty name is left out (omitempty)
    ...(r.group ? { group: r.group } : {}),
    version: r.version,
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories?.length ? { categories: r.categories } : {}),
    ...(r.storageVersionHash ? { storageVersionHash: r.storageVersionHash } : {}),
  })
  return [...CORE_RESOURCES, ...API_GROUPS.flatMap((g) => g.resources)].filter((r) => r.verbs.length > 0).map(entry)
}

/** sortableResource: by group (or --sort-by's name or kind), then by name; stable. */
type Entry = ReturnType<typeof discovered>[number]

function sorted(list: Entry[], by: string): Entry[] {
  const key = (r: Entry) => (by === 'name' ? r.name : by === 'kind' ? r.kind : (r.group ?? ''))
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return list
    .map((r, i) => ({ r, i }))
    .sort((x, y) => cmp(key(x.r), key(y.r)) || cmp(x.r.name, y.r.name) || x.i - y.i)
    .map((x) => x.r)
}

export const apiResources: Verb = {
  path: 'api-resources',
  summary: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  discoveryAttempts: 1,
  flags: [
    { name: 'api-group', kind: 'string', help: 'Limit to resources in the specified API group.' },
    { name: 'cached', kind: 'bool', help: 'Use the cached list of resources if available.' },
    { name: 'categories', kind: 'stringArray', help: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', kind: 'bool', default: 'true', help: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', kind: 'bool', help: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', kind: 'string', help: `Output format. One of: (${FORMATS.join(', ')}).` },
    { name: 'sort-by', kind: 'string', help: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', kind: 'stringArray', help: 'Limit to resources that support the specified verbs.' },
  ],
  async run(k) {
    // Complete (arguments, the printer), Validate (--sort-by), then the server
    if (k.args.length) throw usageError(k.commandPath, `unexpected arguments: [${k.args.join(' ')}]`)
    const output = k.flags.str('output')
    if (output !== '' && !FORMATS.includes(output)) {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${[...FORMATS].sort().join(',')}`)
    }
    const sortBy = k.flags.str('sort-by')
    if (!['', 'name', 'kind'].includes(sortBy)) throw new KubectlError('error: --sort-by accepts only name or kind')
    await k.client()
    const verbs = stringSlice(k.flags.all('verbs'))
    const categories = stringSlice(k.flags.all('categories'))
    const rows = sorted(
      discovered().filter(
        (r) =>
          (!k.flags.has('api-group') || (r.group ?? '') === k.flags.str('api-group')) &&
          (!k.flags.has('namespaced') || r.namespaced === k.flags.bool('namespaced')) &&
          verbs.every((v) => r.verbs.includes(v)) &&
          categories.every((c) => r.categories?.includes(c)),
      ),
      sortBy,
    )
    if (output === 'json' || output === 'yaml') {
      const list = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: '', resources: rows.length ? rows : null }
      k.out(output === 'json' ? toJsonOrdered(list) : toYaml(list))
      return 0
    }
    if (output === 'name') {
      k.out(rows.map((r) => `${r.name}${r.group ? `.${r.group}` : ''}\n`).join(''))
      return 0
    }
    const wide = output === 'wide'
    const lines = k.flags.bool('no-headers') ? [] : [`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`]
    for (const r of rows) {
      const gv = r.group ? `${r.group}/${r.version}` : r.version
      const base = `${r.name}\t${(r.shortNames ?? []).join(',')}\t${gv}\t${r.namespaced}\t${r.kind}`
      lines.push(`${base}${wide ? `\t${r.verbs.join(',')}\t${(r.categories ?? []).join(',')}` : ''}\n`)
    }
    k.out(tabwrite(lines.join(''), KUBECTL_TABWRITER))
    return 0
  },
}
