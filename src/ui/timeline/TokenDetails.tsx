// The token the timeline selected: its claims as the lab recorded them, and whether it is open in
// the decoder or, when the lab never saw its text, where to get it.

import type { TokenInfo } from '../../state/timeline/lanes'
import { when } from '../../state/timeline/scale'
import { howToGet, type KnownToken } from '../../state/timeline/tokens'

interface Props {
  token: TokenInfo
  known?: KnownToken
  podGone: boolean
  onClose(): void
}

export function TokenDetails({ token, known, podGone, onClose }: Props) {
  const sub = token.serviceAccount ? `system:serviceaccount:${token.namespace}:${token.serviceAccount}` : undefined
  const rows: [string, string | undefined][] = [
    ['jti', token.jti],
    ['sub', sub],
    ['issued by', token.source === 'kubelet' ? 'the kubelet, for the pod’s token volume' : token.source === 'TokenRequest' ? 'TokenRequest (kubectl create token)' : token.source],
    ['bound to', token.pod ? `pod ${token.namespace}/${token.pod.name} (uid ${token.pod.uid})` : undefined],
    ['iat', token.iat !== undefined ? when(token.iat) : undefined],
    ['kubelet refresh', token.refresh ? `${when(token.refresh.t)}${token.refresh.exact ? '' : ' (nominal)'}${token.refresh.afterGone ? ', not reached' : ''}` : undefined],
    ['warnafter', token.warnafter !== undefined ? when(token.warnafter) : undefined],
    ['exp', token.exp !== undefined ? when(token.exp) : undefined],
    ['invalid since', token.invalidAt !== undefined ? `${when(token.invalidAt)} (pod gone)` : undefined],
    ['requests', String(token.requests.length)],
  ]
  return (
    <section className="tl-details" aria-label="Selected token">
      <dl>
        {rows
          .filter((r): r is [string, string] => r[1] !== undefined)
          .map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {known ? (
        <p>Opened in the decoder (the token text from {known.where}).</p>
      ) : (
        <p>
          The lab keeps only this token’s claims, not its text, so the decoder cannot show it. {howToGet(token, podGone)}
        </p>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  )
}
