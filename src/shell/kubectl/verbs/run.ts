// Imitates: kubectl pkg/cmd/run/run.go and pkg/generate/versioned/run.go (BasicPod.Generate), cmdutil.Merge for --overrides.

import { DRY_RUN_FLAG, PRINT_FLAGS, type Kubectl, type Verb } from '../command'
import { KubectlError, usageError } from '../errors'
import { dryRunStrategy, outputFormat } from '../output'
import { createQuery, printCreated } from './create'
import { mergePatch, toPodStructOrder } from './runPod'
import { attachToPod } from './runAttach'

type Obj = Record<string, unknown>

function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const part of spec.split(',')) {
    const kv = part.split('=')
    if (kv.length !== 2 || kv[0] === '') throw new KubectlError(`error: unexpected label spec: ${part}`)
    labels[kv[0]] = kv[1]
  }
  return labels
}

function parseEnvs(envs: string[]): { name: string; value: string }[] {
  return envs.map((env) => {
    const pos = env.indexOf('=')
    const name = pos < 0 ? '' : env.slice(0, pos)
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new KubectlError(`error: invalid env: ${env}`)
    return { name, value: env.slice(pos + 1) }
  })
}

/** The pod kubectl run builds, keys in the struct order of corev1.Pod. */
export function generatePod(k: Kubectl, name: string, args: string[], namespace?: string): Obj {
  const f = k.flags
  const labels = f.str('labels') ? parseLabels(f.str('labels')) : { run: name }
  const metadata: Obj = { name }
  if (namespace !== undefined) metadata.namespace = namespace
  metadata.labels = labels
  const annotations = f.all('annotations')
  if (annotations.length) {
    metadata.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]))
  }
  const container: Obj = { name, image: f.str('image') }
  if (args.length) container[f.bool('command') ? 'command' : 'args'] = args
  if (f.str('port')) {
    const port = f.str('port')
    if (!/^[+-]?\d+$/.test(port)) throw new KubectlError(`error: strconv.Atoi: parsing "${port}": invalid syntax`)
    container.ports = [{ containerPort: Number(port) }]
  }
  const env = parseEnvs(f.all('env'))
  if (env.length) container.env = env
  container.resources = {}
  if (f.str('image-pull-policy')) container.imagePullPolicy = f.str('image-pull-policy')
  if (f.bool('privileged')) container.securityContext = { privileged: true }
  if (f.bool('stdin')) {
    container.stdin = true
    if (!f.bool('leave-stdin-open')) container.stdinOnce = true
  }
  if (f.bool('tty')) container.tty = true
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: f.str('restart'), dnsPolicy: 'ClusterFirst' },
    status: {},
  }
}

/** cmdutil.Merge: a JSON merge patch over the generated pod, decoded back into a Pod. */
export function applyOverrides(pod: Obj, overrides: string): Obj {
  let patch: unknown
  try {
    patch = JSON.parse(overrides)
  } catch {
    throw new KubectlError('error: Invalid JSON Patch')
  }
  const merged = mergePatch(pod, patch)
  if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
    const goType = Array.isArray(merged) ? 'array' : merged === null ? 'null' : typeof merged === 'boolean' ? 'bool' : typeof merged
    throw new KubectlError(
      `error: couldn't get version/kind; json parse error: json: cannot unmarshal ${goType} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    )
  }
  const m = merged as Obj
  if (m.apiVersion !== 'v1' || m.kind !== 'Pod') {
    throw new KubectlError(`error: no kind "${String(m.kind ?? '')}" is registered for version "${String(m.apiVersion ?? '')}" in scheme "pkg/scheme/scheme.go:28"`)
  }
  return toPodStructOrder(m)
}

async function run(k: Kubectl): Promise<number> {
  const f = k.flags
  if (!f.has('image')) throw new KubectlError('error: required flag(s) "image" not set')
  const { args, argsLenAtDash } = f.parsed
  if (args.length === 0 || argsLenAtDash === 0) throw usageError(k.commandPath, 'NAME is required for run')
  if (f.str('image') === '') throw new KubectlError('error: --image is required')
  if (f.bool('tty') && !f.bool('stdin')) throw usageError(k.commandPath, '-i/--stdin is required for containers with -t/--tty=true')
  const restart = f.str('restart')
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usageError(k.commandPath, `invalid restart policy: ${restart}`)
  const attach = f.has('attach') ? f.bool('attach') : f.bool('stdin')
  if (!attach && f.bool('rm')) throw usageError(k.commandPath, '--rm should only be used for attached containers')
  const dryRun = dryRunStrategy(k)
  if (attach && dryRun !== 'none') {
    throw usageError(k.commandPath, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
  }
  const pull = f.str('image-pull-policy')
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw usageError(k.commandPath, `invalid image pull policy: ${pull}`)
  outputFormat(f.str('output'), false)
  const client = await k.client()
  const ns = client.config.namespace
  let pod = generatePod(k, args[0], args.slice(1), client.config.enforceNamespace ? ns : undefined)
  if (f.str('overrides')) pod = applyOverrides(pod, f.str('overrides'))
  if (dryRun !== 'client') {
    pod = await client.request<Obj>('POST', `/api/v1/namespaces/${encodeURIComponent(ns)}/pods${createQuery(k, dryRun)}`, pod)
  }
  if (attach) return attachToPod(k, client, pod)
  printCreated(k, pod, dryRun)
  return 0
}

export const runVerb: Verb = {
  path: 'run',
  summary: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  discoveryAttempts: 1,
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    { name: 'image', kind: 'string', help: 'The image for the container to run.' },
    { name: 'image-pull-policy', kind: 'string', help: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' },
    { name: 'restart', kind: 'string', default: 'Always', help: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'labels', short: 'l', kind: 'string', help: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'annotations', kind: 'stringArray', help: 'Annotations to apply to the pod.' },
    { name: 'env', kind: 'stringArray', help: 'Environment variables to set in the container.' },
    { name: 'port', kind: 'string', help: 'The port that this container exposes.' },
    { name: 'command', kind: 'bool', help: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default." },
    { name: 'overrides', kind: 'string', help: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'stdin', short: 'i', kind: 'bool', help: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', kind: 'bool', help: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', kind: 'bool', help: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned." },
    { name: 'leave-stdin-open', kind: 'bool', help: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.' },
    { name: 'rm', kind: 'bool', help: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'." },
    { name: 'privileged', kind: 'bool', help: 'If true, run the container in privileged mode.' },
    { name: 'quiet', short: 'q', kind: 'bool', help: 'If true, suppress prompt messages.' },
    { name: 'field-manager', kind: 'string', default: 'kubectl-run', help: 'Name of the manager used to track field ownership.' },
    { name: 'pod-running-timeout', kind: 'duration', default: '1m0s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run,
}
