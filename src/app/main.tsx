// Entry point: parse the URL, show the terminal at once, then start (or restore) the lab in a Web
// Worker after the first render, so neither its bundle nor the RSA key generation of a seedless
// lab delays the first paint or the input; lines typed meanwhile are queued. The page holds the
// store (a projection of the lab, updated by the worker's messages) and saves the lab's
// snapshots as they come, in IndexedDB (persistLab.ts, loaded apart from the first bundle).

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
import { rfc3339 } from '../common/time'
import { App } from './App'
import type { LabSnapshot } from './lab'
import { globalStorage, linesFromStore, linesToStore, type Notice } from './persist'
import type { LabPersistence, StartPlan } from './persistLab'
import type { SaveInput } from './saveParts'
import { saveViewOf } from './saveView'
import { parseUrlParams } from './url'
import { createWindowLab } from './windowLab'
import { askReplay, lessonPageActions, openLessonFromUrl, replaySession, sharedSessionIn, type LessonPageDeps } from './lessonPage'

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

function record(): SaveInput | undefined {
  const snapshot = latest
  if (!snapshot) return undefined
  return {
    snapshot,
    ...(snapshot.seed !== undefined ? { seed: snapshot.seed } : {}),
    ...(startedAt !== undefined ? { now: startedAt } : {}),
    lines: linesToStore(term().lines),
  }
}

// IndexedDB, and this tab's claim on the lab (another tab may own it: then this one follows).
// Loaded apart from the page's first bundle (the schema's validator is not needed for the input).
const persistModule = import('./persistLab')
const persistence = persistModule.then((m) => m.LabPersistence.open({ legacy: storage }))
let persist: LabPersistence | undefined
void persistence.then((p) => (persist = p))
/** How many commands of the history were saved (the next save names the new one). */
let historyLength = 0

/** The lab changed: take its snapshot (asynchronously, from where it runs), then save at once (no idle wait). */
function labChanged(): void {
  const c = client
  if (!c) return
  c.snapshot().then(
    (s) => {
      latest = s as LabSnapshot
      const history = store.getState().lab.history
      const command = history.length > historyLength ? history[history.length - 1] : undefined
      historyLength = history.length
      persist?.save(record, command)
    },
    () => {},
  )
}

const controller = new TerminalController(store, { onLabChanged: () => labChanged() })
const clock = new ClockController(store, controller, { onLabChanged: () => labChanged() })
controller.gate = clock
const modeOf = (s: { seed?: unknown }) => (s.seed !== undefined ? 'still' : 'realtime')

const saves = saveViewOf(persistence, {
  takeOver: (p) => {
    void p.lock.takeOver().then(() => window.location.reload())
  },
  download: (blob, name) => {
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = name
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
  },
})

const windowLab = createWindowLab(controller, clock, store, params, {
  check: async (s) => {
    const c = (await import('./schema')).checkSnapshot(s)
    if (!c.ok) throw new Error(`lab.restore: the snapshot is not valid (${c.reason})`)
  },
  restored: (s) => {
    startedAt = undefined
    clock.labReplaced(modeOf(s))
    latest = s
    labChanged()
  },
  savedStates: () => persist?.savedStates() ?? [],
  restoreSaved: async (key) => {
    const p = await persistence
    const saved = await p.readSaved(key)
    await windowLab.api.restore(saved.snapshot)
    startedAt = saved.now
    term().setLines(linesFromStore(saved.lines))
    say({ kind: 'note', text: `Restored the lab saved under "${key}".` })
    labChanged()
  },
  clearSavedState: () => void persist?.clear(),
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

for (const p of params.problems) say({ kind: 'warn', text: p })

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
      <App store={store} controller={controller} clock={clock} presenter={params.presenter} initialInput={early.value} saves={saves} />
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
    void persist?.clear()
    clock.labReplaced()
  }
}

async function start(): Promise<void> {
  const p = await persistence
  const { restoredNotice } = await persistModule
  let plan: StartPlan = { notices: [], lost: [] }
  try {
    plan = await p.planStart({ seed: params.seed, now: params.now })
  } catch (e) {
    say({ kind: 'warn', text: `The saved lab could not be read (${e instanceof Error ? e.message : String(e)}); starting a fresh lab.` })
  }
  // The restored screen goes above anything said or typed while the saved lab was being read.
  if (plan.restore) term().setLines([...linesFromStore(plan.restore.lines), ...term().lines.map((l) => l.segs)])
  plan.notices.forEach(say)
  const { connectLab } = await connector
  let seed: string | undefined
  // A share link (#share=...): offer to replay its session in a fresh lab (the saved one is set aside).
  const shared = await sharedSessionIn(window.location.hash)
  if (shared.problem) say({ kind: 'warn', text: shared.problem })
  if (shared.session || shared.problem) history.replaceState(null, '', window.location.pathname + window.location.search)
  const replay = shared.session && (await askReplay(store, shared.session)) ? shared.session : undefined
  const restoring = plan.restore !== undefined && !replay
  if (replay && plan.restore) {
    const key = await p.setAsidePrevious(plan.restore, 'a shared session was replayed in its place')
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
      say(restoredNotice(plan.restore, plan.lost, rfc3339(store.getState().clock.labMs), plan.behind))
    } catch (e) {
      // Take the restored screen away again, keeping the page's own notices.
      const notices = term().lines.filter((l) => l.segs.every((g) => g.kind === 'note' || g.kind === 'warn'))
      term().setLines(notices.map((l) => l.segs))
      say(await p.setAsideBroken(plan.restore, e instanceof Error ? e.message : String(e)))
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
  historyLength = store.getState().lab.history.length
  performance.mark('lab-ready')
  if (p.lock.role() === 'follower') say({ kind: 'note', text: 'This lab is open in another tab: this tab shows it as last saved and does not save. Use "Take over" at the top to work here.' })
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
