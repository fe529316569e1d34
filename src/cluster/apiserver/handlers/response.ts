// Building responses: Status errors with their code, objects in the server's key order, lists.
// Imitates: k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/writers.go

import { inServerOrder } from '../../api/order'
import type { KObject } from '../../api/meta'
import type { ApiResponse, Status } from '../types'

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-cache, private' }

export function respond(status: number, body: unknown): ApiResponse {
  return { status, headers: { ...JSON_HEADERS }, body: inServerOrder(body) }
}

export function respondStatus(s: Status): ApiResponse {
  return { status: s.code ?? 200, headers: { ...JSON_HEADERS }, body: s }
}

/** A typed list: items carry no kind/apiVersion of their own, as the real server encodes them. */
export function respondList(listKind: string, resourceVersion: string, items: KObject[], apiVersion = 'v1'): ApiResponse {
  const stripped = items.map((o) => {
    const { kind: _k, apiVersion: _a, ...rest } = inServerOrder(o)
    return rest
  })
  return respond(200, { kind: listKind, apiVersion, metadata: { resourceVersion }, items: stripped })
}
