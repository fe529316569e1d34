// Tokens the timeline can open in the decoder: the lab's facts hold only claims, so the JWT text
// is known only where the student saw it (a shell variable such as TOK, the terminal output —
// Lab.seenTokens — or the decoder's own token). Matching is by jti.

import { jtiOf } from '../../jwt/decode'
import { findJwts } from '../../jwt/text'
import type { TokenInfo } from './lanes'

export interface KnownToken {
  jwt: string
  /** Where it was found, e.g. "$TOK". */
  where: string
}

/** JWTs found in the shell's variables (and any extra texts), by jti. `_version`: the lab view version they were read at. */
export function knownTokens(variables: Record<string, string>, extra: { text: string; where: string }[] = [], _version?: number): Map<string, KnownToken> {
  const out = new Map<string, KnownToken>()
  const scan = (text: string, where: string) => {
    for (const jwt of findJwts(text)) {
      const jti = jtiOf(jwt)
      if (jti && !out.has(jti)) out.set(jti, { jwt, where })
    }
  }
  for (const [name, value] of Object.entries(variables)) if (value.includes('eyJ')) scan(value, `$${name}`)
  for (const e of extra) scan(e.text, e.where)
  return out
}

/** Where to get a token's text when the lab has not seen it. */
export function howToGet(tok: TokenInfo, podGone: boolean): string {
  if (tok.source === 'kubelet' && tok.pod) {
    if (podGone) return `Its pod ${tok.namespace}/${tok.pod.name} is gone, and the token's file with it; the text was never read into the shell.`
    return `Read it from the pod, e.g. TOK=$(kubectl -n ${tok.namespace} exec ${tok.pod.name} -- cat /var/run/secrets/kubernetes.io/serviceaccount/token), then select it again (the file holds the latest token, which may be a newer one).`
  }
  if (tok.source === 'TokenRequest')
    return `kubectl create token printed it once; save it next time, e.g. TOK=$(kubectl -n ${tok.namespace} create token ${tok.serviceAccount}), or paste it into the decoder.`
  return 'Paste the token into the decoder, or keep it in a shell variable (TOK=...), and select it again.'
}
