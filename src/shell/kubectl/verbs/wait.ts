// Imitates: kubectl pkg/cmd/wait/wait.go, condition.go, delete.go, create.go, json.go

import { resourceArgs } from '../builder'
import type { RestClient } from '../client'
import type { Kubectl, Verb } from '../command'
import { KubectlError, StatusError } from '../errors'
import { newNotFound } from '../../../common/apiErrors'
import { parseGoDuration } from '../flags'
import { jsonpath } from '../format'
import { nameLine } from '../output'
import { resourcePath, type ResourceInfo } from '../resources'
import { waitDeleted } from './delete'
import { watchObject } from './objectWatch'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>
type Check = (o: Obj | undefined) => boolean

const NO_ARGS = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

function conditionCheck(name: string, value: string): Check {
  return (o) => {
    for (const c of o?.status?.conditions ?? []) {
      if (String(c.type ?? '').toLowerCase() !== name.toLowerCase() || c.status === undefined) continue
      const gen = o?.metadata?.generation
      const observed = c.observedGeneration ?? o?.status?.observedGeneration
      if (gen !== undefined && observed !== undefined && observed < gen) return false
      return String(c.status).toLowerCase() === value.toLowerCase()
    }
    return false
  }
}

function jsonpathCheck(input: string): Check {
  const m = /^(\{.*\})(?:=(.*))?$/.exec(input.replace(/^'(.*)'$/, '$1'))
  if (!m) throw new KubectlError(`error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`)
  const [, expr, want] = m
  if (want === '') throw new KubectlError("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
  return (o) => {
    if (!o) return false
    let got: string
    try {
      got = jsonpath(expr, o)
    } catch {
      return false
    }
    return want === undefined ? got !== '' : got === want
  }
}

type Mode = { kind: 'delete' } | { kind: 'create' } | { kind: 'check'; check: Check }

function conditionFor(text: string): Mode {
  const lower = text.toLowerCase()
  if (lower === 'delete') return { kind: 'delete' }
  if (lower === 'create') return { kind: 'create' }
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length)
    const eq = rest.indexOf('=')
    return { kind: 'check', check: eq < 0 ? conditionCheck(rest, 'true') : conditionCheck(rest.slice(0, eq), rest.slice(eq + 1)) }
  }
  if (text.startsWith('jsonpath=')) return { kind: 'check', check: jsonpathCheck(text.slice('jsonpath='.length)) }
  throw new KubectlError(`error: unrecognized condition: "${text}"`)
}

async function waitOne(k: Kubectl, client: RestClient, mode: Mode, r: ResourceInfo, name: string, deadline: number): Promise<void> {
  const path = resourcePath(r, client.config.namespace, name)
  const timedOut = new KubectlError(`error: timed out waiting for the condition on ${r.resource}/${name}`)
  const remaining = () => Math.max(0, deadline - k.now())
  let obj = await client.getOrUndefined<Obj>(path)
  if (mode.kind === 'create') {
    if (!obj && !(await k.ctx.lab.waitUntil(async () => (obj = await client.getOrUndefined<Obj>(path)) !== undefined, remaining()))) {
      throw new KubectlError('error: timed out waiting for the condition')
    }
  } else if (mode.kind === 'delete') {
    if (!obj) return
    // a refused watch: the informer retries until the timeout
    const done = await waitDeleted(k, client, path, obj.metadata?.uid, remaining())
    if (done === 'refused') await k.ctx.lab.waitUntil(async () => false, remaining())
    if (done !== true) throw timedOut
  } else {
    if (!obj) throw new StatusError(newNotFound({ group: r.group, resource: r.resource }, name))
    const check = mode.check
    // the informer's watch, whose first events say whether the condition holds already
    const stream = await watchObject(k, client, path)
    if (!stream || !check(obj)) {
      const met = async () => {
        if (!stream) return false
        obj = await stream.getOrUndefined<Obj>(path)
        return check(obj)
      }
      if (!(await k.ctx.lab.waitUntil(met, remaining()))) throw timedOut
    }
  }
  k.out(nameLine({ kind: r.kind, metadata: { name } }, 'condition met'))
}

async function run(k: Kubectl): Promise<number> {
  if (k.args.length === 0) throw new KubectlError(NO_ARGS)
  const reqs = resourceArgs(k.args)
  const mode = conditionFor(k.flags.str('for'))
  let timeout = parseGoDuration(k.flags.str('timeout')) ?? 30_000
  if (timeout < 0) timeout = 168 * 3600 * 1000
  const client = await k.client()
  const deadline = k.now() + timeout
  for (const r of reqs) {
    if (r.name === undefined) {
      if (!k.flags.bool('all') && !k.flags.has('selector')) throw new KubectlError('error: resource name must be provided')
      const list = await client.request<Obj>('GET', `${resourcePath(r.resource, client.config.namespace)}?limit=500`)
      const items: Obj[] = list.items ?? []
      if (items.length === 0 && mode.kind !== 'delete') throw new KubectlError('error: no matching resources found')
      for (const item of items) await waitOne(k, client, mode, r.resource, item.metadata?.name, deadline)
      continue
    }
    await waitOne(k, client, mode, r.resource, r.name, deadline)
  }
  return 0
}

export const wait: Verb = {
  path: 'wait',
  summary: 'Wait for a specific condition on one or many resources',
  usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  discoveryAttempts: 4,
  flags: [
    { name: 'for', kind: 'string', help: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'timeout', kind: 'duration', default: '30s', help: 'The length of time to wait before giving up. Zero means check once and don\'t wait, negative means wait for a week.' },
    { name: 'all', kind: 'bool', help: 'Select all resources in the namespace of the specified resource types' },
    { name: 'selector', short: 'l', kind: 'string', help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
    { name: 'output', short: 'o', kind: 'string', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  run,
}
