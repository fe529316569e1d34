// Imitates: kubectl pkg/cmd/create/create_token.go

import { PRINT_FLAGS, type Verb } from '../command'
import { KubectlError, errorText, usageError } from '../errors'
import { parseGoDuration } from '../flags'
import { outputFormat, printGeneric, printOptions } from '../output'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** boundObjectKinds (v1.31+: Node always offered), sorted as sets.List prints them. */
const BOUND_OBJECT_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' }

/** A TokenRequest as kubectl's Go struct holds it: every spec and status field present, in struct order. */
export function typedTokenRequest(o: Obj): Obj {
  const spec: Obj = o.spec ?? {}
  const status: Obj = o.status ?? {}
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: o.metadata ?? {},
    spec: { audiences: spec.audiences ?? null, expirationSeconds: spec.expirationSeconds ?? null, boundObjectRef: spec.boundObjectRef ?? null },
    status: { token: status.token ?? '', expirationTimestamp: status.expirationTimestamp ?? null },
  }
}

export const createToken: Verb = {
  path: 'create token',
  summary: 'Request a service account token',
  usage: 'kubectl create token SERVICE_ACCOUNT_NAME [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'audience', kind: 'stringArray', help: 'Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.' },
    { name: 'duration', kind: 'duration', default: '0s', help: 'Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.' },
    { name: 'bound-object-kind', kind: 'string', help: 'Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided.' },
    { name: 'bound-object-name', kind: 'string', help: 'Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind.' },
    { name: 'bound-object-uid', kind: 'string', help: 'UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used.' },
  ],
  async run(k) {
    if (k.args.length !== 1) throw usageError(k.commandPath, `exactly one NAME is required, got ${k.args.length}`)
    const name = k.args[0]
    const client = await k.client()
    const rawOutput = k.flags.str('output')
    const fmt = rawOutput === '' ? undefined : outputFormat(rawOutput, false)
    const f = k.flags
    const durationMs = parseGoDuration(f.str('duration')) ?? 0
    const kind = f.str('bound-object-kind')
    const objName = f.str('bound-object-name')
    const uid = f.str('bound-object-uid')
    const ns = client.config.namespace
    if (name === '') throw new KubectlError('error: service account name is required')
    if (ns === '') throw new KubectlError('error: --namespace is required')
    if (durationMs < 0) throw new KubectlError('error: --duration must be greater than or equal to 0')
    if (durationMs % 1000 !== 0) throw new KubectlError('error: --duration cannot be expressed in units less than seconds')
    if (f.all('audience').some((a) => a === '')) throw new KubectlError('error: --audience must not be an empty string')
    if (kind === '') {
      if (objName) throw new KubectlError('error: --bound-object-name can only be set if --bound-object-kind is provided')
      if (uid) throw new KubectlError('error: --bound-object-uid can only be set if --bound-object-kind is provided')
    } else {
      if (!(kind in BOUND_OBJECT_KINDS)) throw new KubectlError(`error: supported --bound-object-kind values are ${Object.keys(BOUND_OBJECT_KINDS).join(', ')}`)
      if (!objName) throw new KubectlError('error: --bound-object-name is required if --bound-object-kind is provided')
    }
    const audiences = f.all('audience')
    const request = {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: {},
      spec: {
        audiences: audiences.length ? audiences : null,
        expirationSeconds: durationMs > 0 ? durationMs / 1000 : null,
        boundObjectRef: kind ? { kind, apiVersion: BOUND_OBJECT_KINDS[kind], name: objName, ...(uid ? { uid } : {}) } : null,
      },
      status: { token: '', expirationTimestamp: null },
    }
    let response: Obj
    try {
      const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/serviceaccounts/${encodeURIComponent(name)}/token`
      response = await client.request<Obj>('POST', path, request)
    } catch (e) {
      throw new KubectlError(`error: failed to create token: ${errorText(e)}`)
    }
    if (!response?.status?.token) throw new KubectlError('error: failed to create token: no token in server response')
    if (fmt) k.out(printGeneric(typedTokenRequest(response), fmt, { typed: true, ...printOptions(k) }))
    else k.out(k.ctx.stdoutIsTTY ? `${response.status.token}\n` : response.status.token)
    return 0
  },
}
