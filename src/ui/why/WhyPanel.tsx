// Placeholder until the Why this answer panel is built (its builder replaces this file).

export function WhyPanel() {
  return <section aria-label="Why this answer"><p>Why this answer: not built yet.</p></section>
}

export default WhyPanel
