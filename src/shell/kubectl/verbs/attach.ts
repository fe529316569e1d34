// kubectl attach: to the process already running in a container (its main process). A shell that
// reads its terminal (a pod made with stdin and tty, as `kubectl run -it -- sh` makes one) takes
// the terminal with -it, through pods/attach, until it exits. Any other process streams what it
// prints from now on (most of the lab's processes print only as they start; a script that sleeps
// between its commands prints as it goes on), and kubectl waits for the process to end, as the
// stream would, until Ctrl+C (with -i kubectl's interrupt handler ends it,
// status 1; without, the SIGINT kills it). kubectl's checks and messages are attach.go's.
// Imitates: kubectl 1.35 pkg/cmd/attach/attach.go (Complete, Validate, Run, reattachMessage),
// pkg/cmd/exec's StreamOptions.SetupTTY, pkg/cmd/util/podcmd (FindOrDefaultContainerByName).

import type { Kubectl, Verb } from '../command'
import { KubectlError } from '../errors'
import { parseGoDuration } from '../flags'
import type { Obj } from '../tables'
import { defaultContainer, openStream, podNamed, streamQuery, writeStreams } from './podcmd'
import { printedMeanwhile, runningID, untilRunsEnd } from './podRuns'

/** attach.go Run's notices (unless -q), on standard error. */
export const NOTICE =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
  "If you don't see a command prompt, try pressing enter.\n"

const enc = encodeURIComponent

/** podcmd.FindOrDefaultContainerByName: the named container (any kind), else the default one. */
function containerOf(k: Kubectl, pod: Obj, name: string): Obj {
  const spec = pod.spec ?? {}
  if (!name && (spec.containers ?? []).length === 0) throw new KubectlError(`error: cannot attach to the container: pod ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''} does not have any containers`)
  const wanted = name || defaultContainer(pod, k.flags.bool('quiet') ? undefined : (t) => k.err(t))
  const c = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].find((x: Obj) => x.name === wanted)
  if (!c) throw new KubectlError(`error: cannot attach to the container: container ${name} not found in pod ${pod.metadata?.name ?? ''}`)
  return c
}

async function run(k: Kubectl): Promise<number> {
  const args = k.args
  // Validate
  if (args.length === 0) throw new KubectlError('error: at least 1 argument is required for attach')
  if (args.length > 2) throw new KubectlError(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`)
  if (!((parseGoDuration(k.flags.str('pod-running-timeout')) ?? 0) > 0)) throw new KubectlError('error: --pod-running-timeout must be higher than zero')
  const client = await k.client()
  const name = await podNamed(client, args.length === 2 ? `${args[0]}/${args[1]}` : args[0], 'attach to')
  const ns = client.config.namespace
  const path = `/api/v1/namespaces/${enc(ns)}/pods/${enc(name)}`
  const pod = await client.request<Obj>('GET', path)
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot attach a container in a completed pod; current phase is ${phase}`)
  const container = containerOf(k, pod, k.flags.str('container'))
  const quiet = k.flags.bool('quiet')
  const stdin = k.flags.bool('stdin')
  let tty = k.flags.bool('tty')
  if (tty && !container.tty) {
    tty = false
    if (!quiet) k.err(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`)
  } else if (!tty && container.tty) tty = true // the container has a TTY: so must the stream
  // SetupTTY: a TTY needs stdin, and a terminal for it
  let raw = false
  if (stdin && tty) {
    if (k.ctx.stdinIsTTY) raw = true
    else if (!quiet) k.err('Unable to use a TTY - input is not a terminal or the right kind of file\n')
  }
  if (!quiet) k.err(NOTICE)
  const r = await openStream(client, `${path}/attach?${streamQuery({ container: String(container.name), stdin, tty: raw })}`)
  const reattach = !quiet && stdin && raw && pod.spec?.restartPolicy === 'Always'
    ? `Session ended, resume using 'kubectl attach ${name} -c ${container.name} -i -t' command when the pod is running\n`
    : ''
  if (r.session && k.ctx.lab.afterSession) {
    // the container's shell takes the terminal; reattachMessage is printed when it ends
    k.ctx.lab.afterSession(async () => ({ stdout: reattach, stderr: '', exitCode: 0 }))
    return 0
  }
  writeStreams(k, r)
  const id = runningID(pod, String(container.name))
  const code = await untilRunsEnd(k, client, id === undefined ? [] : [{ podPath: path, container: String(container.name), id }], {
    // term.TTY.Safe: with stdin a terminal, kubectl's interrupt handler ends it (status 1); without -i, nothing handles SIGINT
    interrupt: stdin && k.ctx.stdinIsTTY ? 'handled' : 'killed',
    note: `kubectl attach: the lab stops here (nothing paces it: a transcript or a job started with &); ${name} runs on: kubectl logs ${name} shows what it printed, kubectl exec -it ${name} -- sh opens a shell in it\n`,
    // what the process prints from now on (a script that sleeps between its commands)
    eachRound: printedMeanwhile(k, client, (_, text) => k.out(text)),
  })
  if (code === 0 && reattach) k.out(reattach)
  return code
}

export const attach: Verb = {
  path: 'attach',
  summary: 'Attach to a running container',
  usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]',
  discoveryAttempts: 4,
  flags: [
    { name: 'container', short: 'c', kind: 'string', help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'pod-running-timeout', kind: 'duration', default: '1m0s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', kind: 'bool', help: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', kind: 'bool', help: 'Pass stdin to the container' },
    { name: 'tty', short: 't', kind: 'bool', help: 'Stdin is a TTY' },
  ],
  run,
}
