// The token decoder: pick a token (a shell variable, the terminal's Decode action, or paste
// one), see its parts, header and claims explained, every time claim against the lab clock,
// and the cluster's verdict on it now; pin one to compare it with another side by side.

import { selection, useSelection } from '../../state/store'
import { CompareView } from './CompareView'
import { PasteToken, VariableTokens } from './TokenPicker'
import { TokenView } from './TokenView'
import './decoder.css'

function Toolbar({ token, compareWith }: { token: string; compareWith?: string }) {
  const sel = selection.getState()
  return (
    <div className="dec-toolbar" role="group" aria-label="Comparison">
      {compareWith === undefined ? (
        <button type="button" onClick={() => sel.setCompare(token)}>
          Pin for comparison
        </button>
      ) : (
        <>
          {compareWith !== token && (
            <button type="button" onClick={() => { sel.setCompare(token); sel.selectToken(compareWith) }}>
              Swap A and B
            </button>
          )}
          <button type="button" onClick={() => sel.setCompare(undefined)}>
            Stop comparing
          </button>
        </>
      )}
    </div>
  )
}

export function DecoderPanel() {
  const token = useSelection((s) => s.token)
  const compareWith = useSelection((s) => s.compareWith)
  const comparing = token !== undefined && compareWith !== undefined && compareWith !== token
  return (
    <section className="decoder" id="token-decoder" aria-labelledby="decoder-title">
      <h2 id="decoder-title">Token decoder</h2>
      <div className="dec-sources">
        <VariableTokens />
        <PasteToken />
      </div>
      {token === undefined ? (
        <p className="dec-dim">
          No token picked yet. Decode one from a shell variable above, with the Decode button next to a token in the terminal, or paste one.
        </p>
      ) : (
        <>
          <Toolbar token={token} compareWith={compareWith} />
          {compareWith !== undefined && compareWith === token && (
            <p className="dec-note">This token is pinned as A. Pick another token to compare it with, side by side.</p>
          )}
          {comparing && <CompareView a={compareWith} b={token} />}
          <TokenView token={token} idPrefix="dec-main" title={comparing ? 'Token B (shown)' : 'The token'} showVerdict={!comparing} />
        </>
      )}
    </section>
  )
}

export default DecoderPanel
