// Entry point: parse the URL, show the terminal at once, then start (or restore) the lab in a Web
// Worker after the first render, so neither its bundle nor the RSA key generation of a seedless
// lab delays the first paint or the input; lines typed meanwhile are queued. The page holds the
// store (a projection of the lab, updated by the worker's messages) and saves the lab's
// snapshots as they come.

import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { ClockController } from '../state/clockController'
import { TerminalController } from '../state/controller'
import { requestEdit } from '../state/editorBridge'
import { applyLabEvent } from '../state/labEvents'
import type { LabClient, LabEvent } from '../state/labPort'
import { appStore } from '../state/store'
import { installStyles } from '../ui/styles'
import { App } from './App'
import type { LabSnapshot } from './lab'
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
import { askReplay, lessonPageActions, openLessonFromUrl, replaySession, sharedSessionIn, type LessonPageDeps } from './lessonPage'
import { PREVIOUS_PREFIX, setAside } from './persist'

declare global {
  interface Window {
    /** Lines entered in index.html's command line before this script ran. */
    __tokenlabEarly?: string[]
    /** Test hooks (Playwright): make the next command hold the lab's thread for `ms`. */
    __labTest?: { holdNextRun(ms: number): void }
  }
}

const params = parseUrlParams(window.location.search)
const storage = globalStorage()
const store = appStore
const term = () => store.getState().terminal
let client: LabClient | undefined
/** The lab's state after the last change (saved from here; a restarted lab starts from it). */
let latest: LabSnapshot | undefined
/** The `now` the running lab was created with (saved with it, to tell a shared link's lab apart). */
let startedAt: string | number | undefined

const say = (n: Notice) => term().notice(n.text, n.kind)

function record(): StoredLab | undefined {
  const snapshot = latest
  if (!snapshot) return undefined
  const seed = (snapshot as { seed?: unknown }).seed
  return {
    v: STATE_VERSION,
    savedAt: new Date().toISOString(),
    ...(typeof seed === 'string' ? { seed } : {}),
    ...(startedAt !== undefined ? { now: startedAt } : {}),
    snapshot,
    lines: linesToStore(term().lines),
  }
}

const persister = new Persister(storage, record, say)

/** The lab changed: take its snapshot (asynchronously, from where it runs), then save. */
function labChanged(flush = false): void {
  const c = client
  if (!c) return
  c.snapshot().then(
    (s) => {
      latest = s as LabSnapshot
      if (flush) persister.flush()
      else persister.schedule()
    },
    () => {},
  )
}

const controller = new TerminalController(store, { onLabChanged: () => labChanged() })
const clock = new ClockController(store, controller, { onLabChanged: () => labChanged() })
controller.gate = clock
const modeOf = (s: { seed?: unknown }) => (s.seed !== undefined ? 'still' : 'realtime')

const windowLab = createWindowLab(controller, clock, store, params, {
  restored: (s) => {
    startedAt = undefined
    clock.labReplaced(modeOf(s))
    latest = s
    labChanged(true)
  },
  savedStates: () => savedStateKeys(storage),
  restoreSaved: async (key) => {
    const raw = storage?.getItem(key)
    if (raw == null) throw new Error(`nothing is saved under "${key}"; saved labs: ${savedStateKeys(storage).join(', ') || 'none'}`)
    const r = parseStored(raw)
    if (!r.ok) throw new Error(`the lab saved under "${key}" cannot be read: ${r.reason}`)
    await windowLab.api.restore(r.stored.snapshot as LabSnapshot)
    startedAt = r.stored.now
    term().setLines(linesFromStore(r.stored.lines))
    say({ kind: 'note', text: `Restored the lab saved under "${key}".` })
    persister.flush()
  },
  clearSavedState: () => clearStoredState(storage),
  shareLink: () => lessonDeps.store.getState().lesson.actions!.shareLink(),
})
// The lesson panel's page actions (share, export, import) and presenter mode.
const lessonDeps: LessonPageDeps = {
  store,
  controller,
  client: () => client,
  restore: (s) => windowLab.api.restore(s),
  say,
  href: () => window.location.href,
}
store.getState().lesson.setActions(lessonPageActions(lessonDeps))
store.getState().lesson.setPresenter(params.presenter)
window.lab = windowLab.api
window.addEventListener('pagehide', () => persister.flush())
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') persister.flush()
})

const plan = planStart(storage, { seed: params.seed, now: params.now }, Date.now())
if (plan.restore) term().setLines(linesFromStore(plan.restore.lines))
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
      <App store={store} controller={controller} clock={clock} presenter={params.presenter} initialInput={early.value} />
    </StrictMode>,
  ),
)
// Only then start the lab (cluster, shell, jose) in its Web Worker: its download and parsing do
// not delay the input, and no command it runs can hold the page's thread.
const connector = import('./workerClient')

function onLabEvent(ev: LabEvent): void {
  applyLabEvent(store, ev, clock)
  if (ev.type === 'clear') windowLab.cleared()
  if (ev.type === 'reset') {
    clearStoredState(storage)
    clock.labReplaced()
  }
}

async function start(): Promise<void> {
  const { connectLab } = await connector
  let seed: string | undefined
  // A share link (#share=...): offer to replay its session in a fresh lab (the saved one is set aside).
  const shared = await sharedSessionIn(window.location.hash)
  if (shared.problem) say({ kind: 'warn', text: shared.problem })
  if (shared.session || shared.problem) history.replaceState(null, '', window.location.pathname + window.location.search)
  const replay = shared.session && (await askReplay(store, shared.session)) ? shared.session : undefined
  const restoring = plan.restore !== undefined && !replay
  if (replay && plan.restore) {
    const key = setAside(storage, storage?.getItem(STATE_KEY) ?? JSON.stringify(plan.restore), PREVIOUS_PREFIX, Date.now())
    clearStoredState(storage)
    term().setLines([])
    say({ kind: 'note', text: `Your previous lab was set aside${key ? ` (window.lab.restoreSaved('${key}') brings it back)` : ''}.` })
    plan.restore = undefined
  }
  if (replay) {
    ;({ client, seed } = await connectLab({ ...(replay.seed !== undefined ? { seed: replay.seed } : {}), now: replay.now }, onLabEvent, requestEdit))
    startedAt = replay.now
  }
  if (plan.restore) {
    try {
      ;({ client, seed } = await connectLab({ state: plan.restore.snapshot as LabSnapshot }, onLabEvent, requestEdit))
      startedAt = plan.restore.now
      say({ kind: 'note', text: `Restored your lab as you left it (saved ${plan.restore.savedAt}; lab time ${new Date(store.getState().clock.labMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}).` })
    } catch (e) {
      // Take the restored screen away again, keeping the page's own notices.
      const notices = term().lines.filter((l) => l.segs.every((g) => g.kind === 'note' || g.kind === 'warn'))
      term().setLines(notices.map((l) => l.segs))
      const raw = storage?.getItem(STATE_KEY) ?? JSON.stringify(plan.restore)
      say(setAsideBroken(storage, raw, e instanceof Error ? e.message : String(e), Date.now()))
    }
  }
  if (!client) {
    try {
      ;({ client, seed } = await connectLab({ seed: params.seed, now: params.now }, onLabEvent, requestEdit))
      startedAt = params.now
    } catch (e) {
      if (params.now === undefined) throw e
      say({ kind: 'warn', text: `The lab could not start with now=${String(params.now)} (${e instanceof Error ? e.message : String(e)}); starting at the default time.` })
      ;({ client, seed } = await connectLab({ seed: params.seed }, onLabEvent, requestEdit))
    }
  }
  const worker = client as { holdNextRun?: (ms: number) => void }
  window.__labTest = { holdNextRun: (ms) => worker.holdNextRun?.(ms) }
  store.getState().lab.setClient(client)
  client.focusToken(store.getState().selection.token)
  store.subscribe((s, p) => {
    if (s.selection.token !== p.selection.token) s.lab.client?.focusToken(s.selection.token)
  })
  controller.attach(client)
  clock.attach(modeOf({ seed }))
  windowLab.attach()
  performance.mark('lab-ready')
  labChanged()
  if (replay) void replaySession(lessonDeps, replay)
  else openLessonFromUrl(lessonDeps, params, restoring)
}

start().catch((e: unknown) => {
  const msg = e instanceof Error ? e.message : String(e)
  term().set({ status: 'The lab could not start.' })
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
