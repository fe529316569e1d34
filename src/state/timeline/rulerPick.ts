// Which token the lifecycle ruler shows: the one selected in the timeline, else the one in the
// decoder, else the newest. The newest may be one the lab did not record as a fact: after a long
// `lab advance` the kubelet's refreshes are known only from its schedule (Lane.refreshes), so the
// token now in a live pod's file is rebuilt from the last refresh, with the lifetimes of the pod's
// recorded token (warnafter - iat, exp - iat) and the next refresh of the schedule.

import { lowerBound, type Lane, type TokenInfo } from './lanes'
import { tokenLabel } from './marks'
import type { RulerToken } from './ruler'

export interface RulerPick {
  tok: RulerToken
  title: string
  why: string
  /** The recorded token, when it is one (not rebuilt from the schedule). */
  info?: TokenInfo
}

export function toRulerToken(tok: TokenInfo & { iat: number }): RulerToken {
  return {
    iat: tok.iat,
    ...(tok.refresh ? { refresh: tok.refresh.t } : {}),
    ...(tok.warnafter !== undefined ? { warnafter: tok.warnafter } : {}),
    ...(tok.exp !== undefined ? { exp: tok.exp } : {}),
    ...(tok.invalidAt !== undefined ? { invalidAt: tok.invalidAt } : {}),
  }
}

/** The token the kubelet last wrote to a pod's file by `now`, when its schedule knows a newer one than the recorded tokens. */
export function fileToken(lane: Lane, now: number): RulerPick | undefined {
  const model = lane.tokens.find((t) => t.source === 'kubelet' && t.iat !== undefined)
  if (!lane.pod || !model || model.iat === undefined) return undefined
  const rs = lane.refreshes
  const i = lowerBound(rs, now + 1) - 1
  if (i < 0) return undefined
  const newestRecorded = Math.max(...lane.tokens.map((t) => t.iat ?? -Infinity))
  const iat = Math.floor(rs[i] / 1000) * 1000
  if (iat <= newestRecorded) return undefined
  const goneAt = lane.pod.goneAt
  const next = rs[i + 1]
  const tok: RulerToken = {
    iat,
    ...(next !== undefined ? { refresh: next } : {}),
    ...(model.warnafter !== undefined ? { warnafter: iat + (model.warnafter - model.iat) } : {}),
    ...(model.exp !== undefined ? { exp: iat + (model.exp - model.iat) } : {}),
    ...(goneAt !== undefined ? { invalidAt: goneAt } : {}),
  }
  return { tok, title: `the token in pod ${lane.pod.name}’s file (written by kubelet refresh ${i + 1})`, why: 'the newest' }
}

export function pickRulerToken(lanes: readonly Lane[], now: number, selectedKey?: string, decoderJti?: string): RulerPick | undefined {
  let newest: RulerPick | undefined
  let decoder: RulerPick | undefined
  for (const lane of lanes) {
    const slots = lane.tokens.map((tok, slot) => ({ tok, slot }))
    for (const { tok, slot } of slots) {
      if (tok.iat === undefined) continue
      const p = { tok: toRulerToken(tok as TokenInfo & { iat: number }), title: tokenLabel(tok, slot), info: tok }
      if (tok.key === selectedKey) return { ...p, why: 'selected' }
      if (!decoder && tok.jti !== undefined && tok.jti === decoderJti) decoder = { ...p, why: 'in the decoder' }
      if (!newest || p.tok.iat >= newest.tok.iat) newest = { ...p, why: 'the newest' }
    }
    const file = fileToken(lane, now)
    if (file && (!newest || file.tok.iat >= newest.tok.iat)) newest = file
  }
  return decoder ?? newest
}
