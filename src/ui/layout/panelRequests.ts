// A control in one panel asks for another panel to be shown: on a phone the panels are tabs
// (PhoneTabs), and a lesson command tapped in the Lesson tab runs in the Terminal tab, which must
// come to the front so the student sees it typed and its output. In columns every panel is
// already in view and nothing listens.

type Listener = (panel: string) => void

const listeners = new Set<Listener>()

/** Ask for a panel (`terminal`, `why`, `decoder`, `timeline`, `lesson`) to be shown. */
export function showPanel(panel: string): void {
  for (const l of listeners) l(panel)
}

/** Listen for such requests; returns the function that stops listening. */
export function onShowPanel(l: Listener): () => void {
  listeners.add(l)
  return () => {
    listeners.delete(l)
  }
}
