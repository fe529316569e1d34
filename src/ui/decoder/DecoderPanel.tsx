// Placeholder until the Token decoder panel is built (its builder replaces this file).

export function DecoderPanel() {
  return <section aria-label="Token decoder"><p>Token decoder: not built yet.</p></section>
}

export default DecoderPanel
