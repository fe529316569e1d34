// Entry point: parse the URL, show the terminal at once, then start (or restore) the lab in the
// background. The lab's code is loaded with a dynamic import after the first render, so neither
// its bundle nor the RSA key generation of a seedless lab delays the first paint or the input;
// lines typed meanwhile are queued.

import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { TerminalController } from '../state/controller'
import { createTerminalStore } from '../state/terminalStore'
import { labView } from '../state/labView'
import { requestEdit } from '../state/editorBridge'
import { installStyles } from '../ui/styles'
import { App } from './App'
import type { Lab, LabSnapshot } from './lab'
import {
  clearStoredState,
  globalStorage,
  linesFromStore,
  linesToStore,
  parseStored,
  Persister,
  planStart,
  savedStateKeys,
  setAsideBroken,
  STATE_KEY,
  STATE_VERSION,
  type Notice,
  type StoredLab,
} from './persist'
import { parseUrlParams } from './url'
import { createWindowLab } from './windowLab'

declare global {
  interface Window {
    /** Lines entered in index.html's command line before this script ran. */
    __tokenlabEarly?: string[]
  }
}

const params = parseUrlParams(window.location.search)
const storage = globalStorage()
const store = createTerminalStore()
let lab: Lab | undefined
/** The `now` the running lab was created with (saved with it, to tell a shared link's lab apart). */
let startedAt: string | number | undefined

const say = (n: Notice) => store.getState().notice(n.text, n.kind)

function record(): StoredLab | undefined {
  if (!lab) return undefined
  const snapshot = lab.snapshot()
  const seed = (snapshot as { seed?: unknown }).seed
  return {
    v: STATE_VERSION,
    savedAt: new Date().toISOString(),
    ...(typeof seed === 'string' ? { seed } : {}),
    ...(startedAt !== undefined ? { now: startedAt } : {}),
    snapshot,
    lines: linesToStore(store.getState().lines),
  }
}

const persister = new Persister(storage, record, say)
const controller = new TerminalController(store, { onLabChanged: () => persister.schedule() })
const modeOf = (s: { seed?: unknown }) => (s.seed !== undefined ? 'still' : 'realtime')

const windowLab = createWindowLab(controller, params, {
  restored: (s) => {
    startedAt = undefined
    controller.labReplaced(modeOf(s))
    persister.flush()
  },
  savedStates: () => savedStateKeys(storage),
  restoreSaved: async (key) => {
    const raw = storage?.getItem(key)
    if (raw == null) throw new Error(`nothing is saved under "${key}"; saved labs: ${savedStateKeys(storage).join(', ') || 'none'}`)
    const r = parseStored(raw)
    if (!r.ok) throw new Error(`the lab saved under "${key}" cannot be read: ${r.reason}`)
    await windowLab.api.restore(r.stored.snapshot as LabSnapshot)
    startedAt = r.stored.now
    store.getState().setLines(linesFromStore(r.stored.lines))
    say({ kind: 'note', text: `Restored the lab saved under "${key}".` })
    persister.flush()
  },
  clearSavedState: () => clearStoredState(storage),
})
window.lab = windowLab.api
window.addEventListener('pagehide', () => persister.flush())
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') persister.flush()
})

const plan = planStart(storage, { seed: params.seed, now: params.now }, Date.now())
if (plan.restore) store.getState().setLines(linesFromStore(plan.restore.lines))
for (const p of params.problems) say({ kind: 'warn', text: p })
plan.notices.forEach(say)

// What was typed into index.html's command line before this script ran (see its inline script).
const bootInput = document.getElementById('boot-input') as HTMLInputElement | null
const early = { value: bootInput?.value ?? '', lines: window.__tokenlabEarly ?? [] }
early.lines.forEach((l) => controller.submit(l))

installStyles()

// Render synchronously: the command line takes input as soon as this script has run.
const root = createRoot(document.getElementById('root')!)
flushSync(() =>
  root.render(
    <StrictMode>
      <App store={store} controller={controller} presenter={params.presenter} initialInput={early.value} />
    </StrictMode>,
  ),
)
// Only then fetch the lab (cluster, shell, jose): its download and parsing do not delay the input.
const labModule = import('./lab')

async function start(): Promise<void> {
  const { createLab } = await labModule
  if (plan.restore) {
    try {
      lab = await createLab({ state: plan.restore.snapshot as LabSnapshot })
      startedAt = plan.restore.now
      say({ kind: 'note', text: `Restored your lab as you left it (saved ${plan.restore.savedAt}; lab time ${lab.now()}).` })
    } catch (e) {
      // Take the restored screen away again, keeping the page's own notices.
      const notices = store.getState().lines.filter((l) => l.segs.every((g) => g.kind === 'note' || g.kind === 'warn'))
      store.getState().setLines(notices.map((l) => l.segs))
      const raw = storage?.getItem(STATE_KEY) ?? JSON.stringify(plan.restore)
      say(setAsideBroken(storage, raw, e instanceof Error ? e.message : String(e), Date.now()))
    }
  }
  if (!lab) {
    try {
      lab = await createLab({ seed: params.seed, now: params.now })
      startedAt = params.now
    } catch (e) {
      if (params.now === undefined) throw e
      say({ kind: 'warn', text: `The lab could not start with now=${String(params.now)} (${e instanceof Error ? e.message : String(e)}); starting at the default time.` })
      lab = await createLab({ seed: params.seed })
    }
  }
  lab.onReset(() => {
    clearStoredState(storage)
    controller.labReplaced()
  })
  controller.attach(lab, modeOf(lab))
  windowLab.attach(lab)
  labView.getState().setLab(lab)
  lab.onEditRequest(requestEdit)
  performance.mark('lab-ready')
  persister.schedule()
}

start().catch((e: unknown) => {
  const msg = e instanceof Error ? e.message : String(e)
  store.getState().set({ status: 'The lab could not start.' })
  say({ kind: 'warn', text: `The lab could not start: ${msg}. Reload the page to try again.` })
  windowLab.fail(e)
})

// Offline after the first visit (public/sw.js caches the whole build). Registered once the lab
// has started (or failed to), so its downloads never compete with the start-up; builds only.
const registerServiceWorker = () => {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('The lab will not work offline:', e))
}
windowLab.api.ready.then(registerServiceWorker, registerServiceWorker)
