// curl inside a pod: the host is looked up in the cluster DNS (the pod's search path), and the
// `kubernetes` Service's ClusterIP on 443 reaches the API server; the transfer itself is the
// workstation's curl module.

import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { parseCurlArgs } from '../shell/curl/options'
import type { CommandSpec, LabServices } from '../shell/types'

const URL_RE = /^(?:(https?):\/\/)?([^/?#:]+)(?::(\d+))?(.*)$/i

/** Rewrite the URL argument for the workstation's curl: the API server's address, or the resolved IP. */
export function podUrl(raw: string, p: ContainerProcess, apiServer: string): string {
  const m = URL_RE.exec(raw)
  if (!m) return raw
  const scheme = (m[1] ?? 'http').toLowerCase()
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80
  const ip = p.resolve(m[2])
  if (ip === undefined) return raw
  if (ip === p.apiServiceIP && port === 443) return `${scheme}://${apiServer}${m[4]}`
  return `${scheme}://${ip}${m[3] ? `:${m[3]}` : ''}${m[4]}`
}

export function podCurl(curl: CommandSpec, p: ContainerProcess, apiServer: string, lab: LabServices): CommandSpec {
  return {
    ...curl,
    async run(ctx) {
      const parsed = parseCurlArgs(ctx.argv.slice(1))
      if (!parsed.ok || parsed.options.url === undefined) return curl.run(ctx)
      const url = parsed.options.url
      const i = ctx.argv.lastIndexOf(url)
      const argv = [...ctx.argv]
      if (i > 0) argv[i] = podUrl(url, p, apiServer)
      return curl.run({ ...ctx, argv, lab })
    },
  }
}
