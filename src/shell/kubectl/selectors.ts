// Imitates: k8s.io/apimachinery/pkg/labels and pkg/fields (selector parsing and matching), client side.

import { KubectlError, StatusError } from './errors'
import type { ResourceInfo } from './resources'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

interface Requirement {
  key: string
  op: '=' | '!=' | 'exists' | '!exists' | 'in' | 'notin'
  values: string[]
}

/** Parses `a=b,c!=d,e,!f,g in (x,y)`; throws kubectl's error on a malformed selector. */
export function parseLabelSelector(text: string): Requirement[] {
  const reqs: Requirement[] = []
  const parts = text.match(/[^,(]+(?:\([^)]*\))?/g) ?? []
  for (const raw of parts) {
    const p = raw.trim()
    if (p === '') continue
    let m: RegExpExecArray | null
    if ((m = /^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/.exec(p))) reqs.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] })
    else if ((m = /^!\s*([^=!\s]+)$/.exec(p))) reqs.push({ key: m[1], op: '!exists', values: [] })
    else if ((m = /^([^=!\s]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(p)))
      reqs.push({ key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()) })
    else if ((m = /^([^=!\s]+)$/.exec(p))) reqs.push({ key: m[1], op: 'exists', values: [] })
    else throw new KubectlError(`error: unable to parse requirement: found '${p}', expected: identifier`)
  }
  return reqs
}

export function matchesLabels(reqs: Requirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {}
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key)
    switch (r.op) {
      case '=':
        return has && l[r.key] === r.values[0]
      case '!=':
        return !has || l[r.key] !== r.values[0]
      case 'exists':
        return has
      case '!exists':
        return !has
      case 'in':
        return has && r.values.includes(l[r.key])
      case 'notin':
        return !has || !r.values.includes(l[r.key])
    }
  })
}

/** Field selectors: `metadata.name=app,status.phase!=Running`, matched on the object's fields. */
export function matchesFields(text: string, o: Obj): boolean {
  for (const raw of text.split(',')) {
    const p = raw.trim()
    if (p === '') continue
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(p)
    if (!m) throw new KubectlError(`error: invalid selector: '${text}'; can't understand '${p}'`)
    let v: unknown = o
    for (const seg of m[1].split('.')) v = v && typeof v === 'object' ? (v as Obj)[seg] : undefined
    const actual = v === undefined || v === null ? '' : String(v)
    if ((m[2] === '!=') === (actual === m[3])) return false
  }
  return true
}

/**
 * The builder's selector visitor (cli-runtime resource/selector.go): a list the server refused with
 * 400 or 404 says what it looked for, naming the resource as its GroupVersionResource prints.
 */
export function listError(e: unknown, r: ResourceInfo, labelSelector: string, fieldSelector: string): unknown {
  if (!(e instanceof StatusError) || (e.code !== 400 && e.code !== 404)) return e
  const gvr = JSON.stringify(`${r.group}/${r.version}, Resource=${r.resource}`)
  const message = labelSelector === '' && fieldSelector === ''
    ? `Unable to list ${gvr}: ${e.status.message ?? ''}`
    : `Unable to find ${gvr} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${e.status.message ?? ''}`
  return new StatusError({ ...e.status, message })
}
