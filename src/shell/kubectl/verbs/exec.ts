// Imitates: kubectl pkg/cmd/exec/exec.go (and client-go remotecommand's `command terminated with exit code N`).

import type { Kubectl, Verb } from '../command'
import { KubectlError, usageError } from '../errors'
import { defaultContainer, openStream, podNamed, streamQuery, writeStreams } from './podcmd'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

async function run(k: Kubectl): Promise<number> {
  const { args, argsLenAtDash } = k.flags.parsed
  const resourceName = args.length > 0 && argsLenAtDash !== 0 ? args[0] : ''
  const command = argsLenAtDash > -1 ? args.slice(argsLenAtDash) : []
  if (argsLenAtDash < 0 && args.length > 1) {
    throw usageError(k.commandPath, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead')
  }
  if (resourceName === '') throw new KubectlError('error: pod, type/name or --filename must be specified')
  if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container')
  const client = await k.client()
  const name = await podNamed(client, resourceName, 'attach to')
  const ns = client.config.namespace
  const pod = await client.request<Obj>('GET', `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`)
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`)
  }
  const container = k.flags.str('container') || defaultContainer(pod, k.flags.bool('quiet') ? undefined : (t) => k.err(t))
  const stdin = k.flags.bool('stdin')
  let tty = stdin && k.flags.bool('tty')
  if (tty && !k.ctx.stdinIsTTY) {
    if (!k.flags.bool('quiet')) k.err('Unable to use a TTY - input is not a terminal or the right kind of file\n')
    tty = false
  }
  // -it: the container's shell takes over the terminal (the lab sends the next lines to it).
  // Without -i the process gets no input: a shell reads end of input at once and exits 0, printing
  // nothing, as in a real cluster (and -t alone is dropped, as kubectl drops it).
  const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}/exec?${streamQuery({ command, container, stdin, tty })}`
  const result = await openStream(client, path, stdin && k.ctx.stdin !== '' ? k.ctx.stdin : undefined)
  writeStreams(k, result, tty)
  if (result.exitCode !== 0) throw new KubectlError(`command terminated with exit code ${result.exitCode}`, result.exitCode)
  return 0
}

export const exec: Verb = {
  path: 'exec',
  summary: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  discoveryAttempts: 4,
  flags: [
    { name: 'container', short: 'c', kind: 'string', help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', short: 'i', kind: 'bool', help: 'Pass stdin to the container' },
    { name: 'tty', short: 't', kind: 'bool', help: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', kind: 'bool', help: 'Only print output from the remote session' },
    { name: 'filename', short: 'f', kind: 'stringArray', help: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', kind: 'duration', default: '1m0s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run,
}
