// The verdict badge's words: the cluster's verdict (src/jwt/inspect.ts) with a label, a tone and,
// where the signature check says more than the API server's generic refusal, that reason.

import type { TokenInspection } from '../inspect'

export type BadgeKey =
  | 'valid' | 'stale' | 'legacy' | 'expired' | 'not-yet-valid' | 'rejected' | 'signature-invalid' | 'unsigned' | 'malformed'

export interface Badge {
  key: BadgeKey
  label: string
  tone: 'ok' | 'warn' | 'bad'
  reason: string
}

const LABELS: Record<BadgeKey, [string, Badge['tone']]> = {
  valid: ['Valid', 'ok'],
  stale: ['Stale (still accepted)', 'warn'],
  legacy: ['Legacy (never expires)', 'warn'],
  expired: ['Expired', 'bad'],
  'not-yet-valid': ['Not valid yet', 'bad'],
  rejected: ['Rejected', 'bad'],
  'signature-invalid': ['Signature invalid', 'bad'],
  unsigned: ['Unsigned (signature invalid)', 'bad'],
  malformed: ['Malformed', 'bad'],
}

const badge = (key: BadgeKey, reason: string): Badge => ({ key, label: LABELS[key][0], tone: LABELS[key][1], reason })

export function verdictBadge(i: TokenInspection): Badge {
  if (i.verdict === 'malformed') {
    // Say the problem that stops decoding, not the note about a leading "Bearer ".
    const p = i.decoded.problems.find((x) => !x.startsWith('the text starts with "Bearer'))
    return badge('malformed', p ? `Not a readable JWT: ${p}.` : i.reason)
  }
  const h = i.decoded.header as { alg?: unknown } | undefined
  if (h?.alg === 'none' || i.decoded.signature === '') {
    return badge('unsigned', 'The token carries no signature (alg "none" or an empty third part), so nothing proves the cluster issued it. The API server refuses it.')
  }
  // The API server's refusal is generic ("invalid bearer token") when no key matches: the signature check says why.
  if (i.verdict === 'rejected' && !i.signature.ok && !i.server.ok) {
    return badge('signature-invalid', `Its signature does not check against the keys the cluster publishes: ${i.signature.reason ?? 'no key verifies it'}.`)
  }
  return badge(i.verdict, i.reason)
}
