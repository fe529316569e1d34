// The tokens the student has seen: every JWT a command printed to the terminal, by jti, so the
// timeline can open any of them in the decoder. Bounded, plain data, saved with the lab.

import { decodeJwt } from '../jwt/decode'

const JWT_IN_TEXT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g
export const LEDGER_LIMIT = 500

export class TokenLedger {
  private byJti = new Map<string, string>()

  /** A saved ledger is untrusted input: only string pairs that decode to their jti are kept. */
  constructor(saved?: unknown) {
    if (saved && typeof saved === 'object' && !Array.isArray(saved)) {
      for (const [jti, jwt] of Object.entries(saved as Record<string, unknown>)) {
        if (typeof jwt === 'string' && jtiOf(jwt) === jti) this.remember(jti, jwt)
      }
    }
  }

  /** Remember the JWTs in a command's output. */
  scan(text: string): void {
    if (!text.includes('eyJ')) return
    for (const m of text.matchAll(JWT_IN_TEXT)) {
      const jti = jtiOf(m[0])
      if (jti) this.remember(jti, m[0])
    }
  }

  entries(): Record<string, string> {
    return Object.fromEntries(this.byJti)
  }

  private remember(jti: string, jwt: string): void {
    this.byJti.delete(jti)
    this.byJti.set(jti, jwt)
    if (this.byJti.size > LEDGER_LIMIT) this.byJti.delete(this.byJti.keys().next().value as string)
  }
}

function jtiOf(jwt: string): string | undefined {
  const p = decodeJwt(jwt).payload as { jti?: unknown } | undefined
  return p && typeof p === 'object' && typeof p.jti === 'string' ? p.jti : undefined
}
