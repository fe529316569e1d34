// Imitates: kubectl pkg/cmd/clusterinfo/clusterinfo.go and pkg/cmd/apiresources/apiversions.go.

import type { Kubectl, Verb } from '../command'
import { StatusError } from '../errors'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** printService: plain text since kubectl 1.32, which dropped go-colortext (kubectl commit 69f03b081). */
const printService = (name: string, link: string) => `${name} is running at ${link}\n`

async function clusterInfoRun(k: Kubectl): Promise<number> {
  if (k.args.length > 0) {
    if (k.args[0] === 'dump') {
      k.err('error: "kubectl cluster-info dump" is not available in this lab; kubectl get all -A and kubectl get events -A show the same objects\n')
      return 1
    }
  }
  const client = await k.client()
  const host = `${client.config.scheme}://${client.config.host ?? 'localhost:8080'}`
  k.out(printService('Kubernetes control plane', host))
  // Services labelled kubernetes.io/cluster-service=true in kube-system, as their proxy URLs.
  try {
    const list = await client.request<Obj>('GET', '/api/v1/namespaces/kube-system/services?labelSelector=kubernetes.io%2Fcluster-service%3Dtrue')
    for (const svc of list.items ?? []) {
      const name = svc.metadata?.labels?.['kubernetes.io/name'] ?? svc.metadata?.name
      const port = svc.spec?.ports?.[0]
      const suffix = port?.name ? `${svc.metadata?.name}:${port.name}` : svc.metadata?.name
      k.out(printService(name, `${host}/api/v1/namespaces/kube-system/services/${suffix}/proxy`))
    }
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 404)) throw e
  }
  k.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
  return 0
}

export const clusterInfo: Verb = {
  path: 'cluster-info',
  summary: 'Display cluster information',
  usage: 'kubectl cluster-info [flags] [options]',
  discoveryAttempts: 5,
  flags: [],
  run: clusterInfoRun,
}

async function apiVersionsRun(k: Kubectl): Promise<number> {
  const client = await k.client()
  const core = await client.request<Obj>('GET', '/api')
  const groups = await client.request<Obj>('GET', '/apis')
  const all: string[] = [...(core.versions ?? [])]
  for (const g of groups.groups ?? []) for (const v of g.versions ?? []) all.push(v.groupVersion)
  k.out(all.sort().map((v) => `${v}\n`).join(''))
  return 0
}

export const apiVersions: Verb = {
  path: 'api-versions',
  summary: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: 'kubectl api-versions [options]',
  discoveryAttempts: 5,
  flags: [],
  run: apiVersionsRun,
}
