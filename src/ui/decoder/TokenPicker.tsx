// Where the decoder's tokens come from: the shell variables that hold a JWT (one click or key
// to decode or compare), and a text area to paste a token into. Pasted text is measured before
// anything else is done with it: a megabyte of garbage is refused at once, with a message.

import { useId, useMemo, useRef, useState } from 'react'
import { selection, useLab, useSelection } from '../../state/store'
import { checkPasted, jwtVariables } from '../../jwt/text'

export function VariableTokens() {
  const variables = useLab((s) => s.variables)
  const token = useSelection((s) => s.token)
  const vars = useMemo(() => jwtVariables(variables), [variables])
  if (vars.length === 0) {
    return null
  }
  return (
    <ul className="dec-vars" aria-label="Tokens in shell variables">
      {vars.map((v) => {
        const shown = v.token === token
        return (
          <li key={v.name}>
            <code className="dec-var-name">${v.name}</code>
            <button
              type="button"
              aria-label={`Decode $${v.name}`}
              aria-pressed={shown}
              onClick={() => selection.getState().selectToken(v.token)}
            >
              {shown ? 'Decoded' : 'Decode'}
            </button>
            <button
              type="button"
              aria-label={`Compare with $${v.name}`}
              disabled={!token || shown}
              onClick={() => selection.getState().setCompare(v.token)}
            >
              Compare
            </button>
          </li>
        )
      })}
    </ul>
  )
}

export function PasteToken() {
  const id = useId()
  const ref = useRef<HTMLTextAreaElement>(null)
  const [message, setMessage] = useState<string | undefined>()

  const take = (el: HTMLTextAreaElement) => {
    const r = checkPasted(el.value)
    if (r.ok === false) {
      // Drop the text: a megabyte in the box would slow every keystroke and repaint.
      el.value = ''
      setMessage(r.message)
      return
    }
    setMessage(undefined)
    if (r.ok === true) selection.getState().selectToken(r.token)
  }

  return (
    <details className="dec-paste">
      <summary>Paste a token…</summary>
      <label htmlFor={id} className="sr-only">Paste a token</label>
      <textarea
        id={id}
        ref={ref}
        rows={3}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        placeholder="eyJhbGciOi…"
        onChange={(e) => take(e.currentTarget)}
      />
      <div className="dec-paste-actions">
        <button type="button" onClick={() => ref.current && take(ref.current)}>
          Decode pasted token
        </button>
        <button
          type="button"
          onClick={() => {
            if (ref.current) ref.current.value = ''
            setMessage(undefined)
          }}
        >
          Clear
        </button>
      </div>
      <p className="dec-paste-message" role="alert" aria-live="assertive">
        {message}
      </p>
    </details>
  )
}
