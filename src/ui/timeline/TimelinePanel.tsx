// Placeholder until the Timeline panel is built (its builder replaces this file).

export function TimelinePanel() {
  return <section aria-label="Timeline"><p>Timeline: not built yet.</p></section>
}

export default TimelinePanel
