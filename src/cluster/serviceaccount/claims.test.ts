import { describe, expect, it } from 'vitest'
import { Claims, sortedJson, ExpirationExtensionSeconds, WarnOnlyBoundTokenExpirationSeconds } from './claims'
import type { KObject } from '../api/meta'

const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'sa-demo', uid: 'sa-uid', resourceVersion: '1', creationTimestamp: '' } } as KObject
const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'sa-demo', uid: 'pod-uid', resourceVersion: '1', creationTimestamp: '' } } as KObject
const base = { serviceAccount: sa, audiences: ['https://10.0.1.10:6443'], issuer: 'https://10.0.1.10:6443', now: 1717671355_000, jti: 'j' }

describe('Claims', () => {
  it('orders keys alphabetically at every level (real pod token layout)', () => {
    const c = Claims({ ...base, pod, node: { name: 'worker-0', uid: 'node-uid' }, expirationSeconds: ExpirationExtensionSeconds, warnAfter: WarnOnlyBoundTokenExpirationSeconds })
    expect(sortedJson(c)).toBe(
      '{"aud":["https://10.0.1.10:6443"],"exp":1749207355,"iat":1717671355,"iss":"https://10.0.1.10:6443","jti":"j",' +
      '"kubernetes.io":{"namespace":"sa-demo","node":{"name":"worker-0","uid":"node-uid"},"pod":{"name":"app","uid":"pod-uid"},' +
      '"serviceaccount":{"name":"default","uid":"sa-uid"},"warnafter":1717674962},"nbf":1717671355,"sub":"system:serviceaccount:sa-demo:default"}')
  })

  it('unbound tokens carry only namespace and serviceaccount; aud is always an array', () => {
    const c = Claims({ ...base, expirationSeconds: 3600, warnAfter: 0 })
    if ('error' in c) throw new Error(c.error)
    expect(c['kubernetes.io']).toEqual({ namespace: 'sa-demo', serviceaccount: { name: 'default', uid: 'sa-uid' } })
    expect(Array.isArray(c.aud)).toBe(true)
    expect(c.exp - c.iat).toBe(3600)
    expect(c.nbf).toBe(c.iat)
  })

  it('node without uid when the Node could not be read', () => {
    const c = Claims({ ...base, pod, node: { name: 'worker-0' }, expirationSeconds: 3600, warnAfter: 0 })
    if ('error' in c) throw new Error(c.error)
    expect(c['kubernetes.io'].node).toEqual({ name: 'worker-0' })
  })

  it('refuses secret together with pod', () => {
    expect(Claims({ ...base, pod, secret: sa, expirationSeconds: 3600, warnAfter: 0 })).toEqual({ error: 'internal error, token can only be bound to one object type' })
  })

  it('sortedJson escapes like Go encoding/json', () => {
    expect(sortedJson({ a: '<&>' })).toBe('{"a":"\\u003c\\u0026\\u003e"}')
  })
})
