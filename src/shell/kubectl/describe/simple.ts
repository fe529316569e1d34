// Imitates: kubectl pkg/describe/describe.go describeServiceAccount (v0.35.0: no Mountable secrets/Tokens),
// describeNamespace, describeSecret, ConfigMapDescriber.

import { PrefixWriter, describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, type Obj } from './writer'
import { decodeBase64Binary } from '../../../common/base64'

function header(w: PrefixWriter, o: Obj, withNamespace = true): void {
  w.write(0, `Name:\t${o.metadata?.name}\n`)
  if (withNamespace) w.write(0, `Namespace:\t${o.metadata?.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', o.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', o.metadata?.annotations)
}

export function describeServiceAccount(sa: Obj, events: Obj[] | undefined, now: number): string {
  const w = new PrefixWriter()
  header(w, sa)
  const pull: string[] = (sa.imagePullSecrets ?? []).map((s: Obj) => s.name)
  if (pull.length === 0) w.write(0, 'Image pull secrets:\t<none>\n')
  pull.forEach((name, i) => w.write(0, `${i === 0 ? 'Image pull secrets:' : '                   '}\t${name}\n`))
  if (events) describeEvents(w, events, now)
  return w.toString()
}

/** `quotas`/`limitRanges` undefined: the server does not serve them (the section is left out, as kubectl does on NotFound). */
export function describeNamespace(ns: Obj, quotas: Obj[] | undefined, limitRanges: Obj[] | undefined): string {
  const w = new PrefixWriter()
  header(w, ns, false)
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`)
  const conditions: Obj[] = ns.status?.conditions ?? []
  if (conditions.length) {
    w.write(0, 'Conditions:\n')
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
    w.write(1, '----\t------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
    }
  }
  if (quotas !== undefined) {
    w.write(0, '\n')
    if (quotas.length === 0) w.write(0, 'No resource quota.\n')
    else for (const q of quotas) w.write(0, `Resource Quotas\n  Name:\t${q.metadata?.name}\n`)
  }
  if (limitRanges !== undefined) {
    w.write(0, '\n')
    if (limitRanges.length === 0) w.write(0, 'No LimitRange resource.\n')
    else w.write(0, 'Resource Limits\n')
  }
  return w.toString()
}

function byteLength(b64: string): number {
  const clean = String(b64).replace(/\s+/g, '')
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.floor((clean.length * 3) / 4) - pad
}

export function describeSecret(secret: Obj): string {
  const w = new PrefixWriter()
  header(w, secret)
  w.write(0, `\nType:\t${secret.type ?? ''}\n`)
  w.write(0, '\nData\n====\n')
  const data: Record<string, string> = secret.data ?? {}
  for (const k of Object.keys(data).sort()) {
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${decodeBase64Binary(data[k]) ?? ''}\n`)
    else w.write(0, `${k}:\t${byteLength(data[k])} bytes\n`)
  }
  return w.toString()
}

export function describeConfigMap(cm: Obj, events: Obj[] | undefined, now: number): string {
  const w = new PrefixWriter()
  header(w, cm)
  w.write(0, '\nData\n====\n')
  const data: Record<string, string> = cm.data ?? {}
  for (const k of Object.keys(data).sort()) w.write(0, `${k}:\n----\n${data[k]}\n\n`)
  w.write(0, '\nBinaryData\n====\n')
  const bin: Record<string, string> = cm.binaryData ?? {}
  for (const k of Object.keys(bin).sort()) w.write(0, `${k}: ${byteLength(bin[k])} bytes\n`)
  w.write(0, '\n')
  if (events) describeEvents(w, events, now)
  return w.toString()
}
