// Placeholder until the Clock panel is built (its builder replaces this file).

export function ClockControls() {
  return <section aria-label="Clock"><p>Clock: not built yet.</p></section>
}

export default ClockControls
