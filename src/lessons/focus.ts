// Where a step's panel focus points, worked out from the lab (the page then opens the decoder,
// moves the timeline or selects the request in the Why panel).

import type { LessonView, PanelFocus } from './types'
import { readJwt } from './tokens'

export type ResolvedFocus =
  | { panel: 'decoder'; token: string }
  | { panel: 'timeline'; atMs: number; token: string }
  /** Index into LessonView.audit(). */
  | { panel: 'why'; auditIndex: number }

/** The kubelet refreshes a pod's token at about 80% of the lifetime it asked for (3607 s). */
const REFRESH_FRACTION = 0.8

export function resolveFocus(focus: PanelFocus, view: LessonView): ResolvedFocus | undefined {
  if (focus.panel === 'why') {
    const jti = focus.variable === undefined ? undefined : readJwt(view.variable(focus.variable))?.claims.jti
    if (focus.variable !== undefined && jti === undefined) return undefined
    const audit = view.audit()
    for (let i = audit.length - 1; i >= 0; i--) {
      const e = audit[i]
      if ((focus.code === undefined || e.code === focus.code) && (jti === undefined || e.token?.jti === jti)) return { panel: 'why', auditIndex: i }
    }
    return undefined
  }
  const token = view.variable(focus.variable)
  const jwt = readJwt(token)
  if (token === undefined || !jwt) return undefined
  if (focus.panel === 'decoder') return { panel: 'decoder', token }
  const c = jwt.claims
  const warnafter = c['kubernetes.io']?.warnafter
  const seconds =
    focus.mark === 'iat' ? c.iat
    : focus.mark === 'exp' ? c.exp
    : focus.mark === 'warnafter' ? warnafter
    : c.iat === undefined ? undefined
    : c.iat + REFRESH_FRACTION * ((warnafter ?? c.exp ?? c.iat) - c.iat)
  return seconds === undefined ? undefined : { panel: 'timeline', atMs: Math.round(seconds * 1000), token }
}
