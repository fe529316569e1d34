// The token decoder: it shows the newest token the terminal printed (unless pinned), a shell
// variable's token, or a pasted one. One line of sources on top, then the summary (kept in
// view), the claims and the raw parts; pin one token to compare it with another side by side.

import { selection, useSelection } from '../../state/store'
import { CompareView } from './CompareView'
import { PasteToken, VariableTokens } from './TokenPicker'
import { TokenView } from './TokenView'
import './decoder.css'
import './summary.css'

function Toolbar({ token, compareWith, pinned }: { token: string; compareWith?: string; pinned: boolean }) {
  const sel = selection.getState()
  return (
    <div className="dec-toolbar" role="group" aria-label="Decoder options">
      <button
        type="button"
        aria-pressed={pinned}
        title={pinned ? 'Follow the newest token the terminal prints again' : 'Keep this token when the terminal prints a newer one'}
        onClick={() => sel.setPinned(!pinned)}
        data-testid="decoder-pin"
      >
        {pinned ? 'Pinned: keeps this token' : 'Pin this token'}
      </button>
      {compareWith === undefined ? (
        <button type="button" onClick={() => sel.setCompare(token)}>
          Compare with another…
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
  const pinned = useSelection((s) => s.pinned === true)
  const compareWith = useSelection((s) => s.compareWith)
  const comparing = token !== undefined && compareWith !== undefined && compareWith !== token
  return (
    <section className="decoder" id="token-decoder" aria-labelledby="decoder-title">
      <div className="dec-top">
        <h2 id="decoder-title">Token decoder</h2>
        <span className="dec-following" data-testid="decoder-following">
          {token === undefined ? '' : pinned ? 'pinned' : 'follows the newest token printed'}
        </span>
      </div>
      <div className="dec-sources">
        <VariableTokens />
        <PasteToken />
      </div>
      {token === undefined ? (
        <p className="dec-dim">
          No token yet. Print one in the terminal (kubectl exec app -- cat …/token) and it shows here; or decode a shell variable, or paste one.
        </p>
      ) : (
        <>
          <Toolbar token={token} compareWith={compareWith} pinned={pinned} />
          {compareWith !== undefined && compareWith === token && (
            <p className="dec-note">This token is A. Pick another token to compare it with, side by side.</p>
          )}
          {comparing && <CompareView a={compareWith} b={token} />}
          <TokenView token={token} idPrefix="dec-main" title={comparing ? 'Token B (shown)' : 'The token'} showVerdict={!comparing} />
        </>
      )}
    </section>
  )
}

export default DecoderPanel
