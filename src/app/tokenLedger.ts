// The tokens the student has seen: every JWT a command printed to the terminal, by jti, so the
// timeline can open any of them in the decoder. Bounded, plain data, saved with the lab.

import { jtiOf } from '../jwt/decode'
import { findJwts } from '../jwt/text'

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
    for (const jwt of findJwts(text)) {
      const jti = jtiOf(jwt)
      if (jti) this.remember(jti, jwt)
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
