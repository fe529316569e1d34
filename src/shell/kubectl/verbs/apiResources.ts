// Imitates: kubectl pkg/cmd/apiresources/apiresources.go

import type { Verb } from '../command'
import { KUBECTL_TABWRITER, tabwrite } from '../format'
import { RESOURCES } from '../resources'

export const apiResources: Verb = {
  path: 'api-resources',
  summary: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  discoveryAttempts: 1,
  flags: [
    { name: 'namespaced', kind: 'bool', default: 'true', help: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', kind: 'bool', help: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', kind: 'string', help: 'Output format. One of: (wide, name).' },
  ],
  async run(k) {
    await k.client()
    const rows = RESOURCES.filter((r) => !k.flags.has('namespaced') || r.namespaced === k.flags.bool('namespaced'))
    if (k.flags.str('output') === 'name') {
      k.out(rows.map((r) => `${r.resource}${r.group ? `.${r.group}` : ''}\n`).join(''))
      return 0
    }
    const lines = k.flags.bool('no-headers') ? [] : ['NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n']
    for (const r of rows) {
      lines.push(`${r.resource}\t${r.shortNames.join(',')}\t${r.group ? `${r.group}/` : ''}${r.version}\t${r.namespaced}\t${r.kind}\n`)
    }
    k.out(tabwrite(lines.join(''), KUBECTL_TABWRITER))
    return 0
  },
}
