// Signing a prepared token synchronously, for token files that are signed only when first read.
// Gives the same bytes as TokenSigner.sign (RS256 is deterministic).

import { sortedJson } from './claims'
import { signCompactRS256Sync } from './rs256sync'
import { headerJson, type SignerState, type TokenSigner } from './signer'

const states = new WeakMap<TokenSigner, SignerState>()

export function signSync(signer: TokenSigner, payload: object): string {
  let s = states.get(signer)
  if (!s) {
    s = signer.snapshot()
    states.set(signer, s)
  }
  return signCompactRS256Sync(s.privateJwk, headerJson(s.kid), sortedJson(payload))
}
