// Placeholder for the right-hand region: the token decoder and the timeline come in a later issue.

export function SidePanel() {
  return (
    <aside className="side" aria-labelledby="side-title">
      <h2 id="side-title">Decoder and timeline</h2>
      <p>
        Not built yet. This panel will decode each token the terminal shows (header, claims, signature check, every
        time claim in UTC and relative to the lab clock) and draw a timeline of iat, warnafter and exp beside pod events
        and kubelet refreshes.
      </p>
      <p>
        Until then, decode a token in the terminal:
        <br />
        <code>… | cut -d. -f2 | base64 -d | python3 -m json.tool</code>
      </p>
    </aside>
  )
}
