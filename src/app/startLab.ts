// Starting (or restoring) the lab once the first screen is up: the tab's claim, a share link's
// offer to replay, the legacy localStorage save, the lab's Web Worker and its save messages, then
// `?lesson=`. main.tsx loads this module after its first render, together with the worker's
// client, so none of this code is in the first screen's download.

import { ClockController, clockModeOf } from '../state/clockController'
import type { TerminalController } from '../state/controller'
import { applyLabEvent } from '../state/labEvents'
import type { LabEvent } from '../state/labPort'
import type { AppStore } from '../state/store'
import { askReplay, lessonPageActions, openLessonFromUrl, replaySession, sharedSessionIn, type LessonPageDeps } from './lessonPage'
import { globalStorage, linesFromStore, linesToStore, savedStateKeys, STATE_KEY, type Notice, type StoredSeg } from './persist'
import type { SavesFromWorker } from './protocol'
import type { PageSaves } from './saveView'
import type { TabLock } from './tabLock'
import type { UrlParams } from './url'
import type { createWindowLab } from './windowLab'
import { connectLab, type WorkerLab } from './workerClient'
import { settleWhenQuiet } from './settleStartup'
import { settleStartup } from '../ui/layout/startupGate'
import { afterInputQuiet } from '../ui/layout/inputQuiet'
import { requestEdit } from '../state/editorBridge'
import { warmUpPage } from './pageWarmUp'
import { rememberDecoderSelection } from '../ui/decoder/remember'
import { followNewestToken } from '../state/followToken'

export interface StartDeps {
  store: AppStore
  controller: TerminalController
  /** The lab clock's controller is made here (its code loads with this module): main.tsx gets it. */
  clockMade(clock: ClockController): void
  /** The clock moved the lab (a tick, a jump): save the screen's lines. */
  onClockChanged(): void
  params: UrlParams
  windowLab: Pick<ReturnType<typeof createWindowLab>, 'attach' | 'cleared'>
  lessonDeps: LessonPageDeps
  saves: PageSaves
  /** This tab's claim on the lab (tabLock.ts), asked for as the page started. */
  lock: Promise<TabLock>
  say(n: Notice): void
  /** The client exists: main.tsx's save and download paths use it from now on. */
  connected(client: WorkerLab): void
  /** The lab's worker, spawned by main.tsx before its first render (its script loads meanwhile). */
  worker?: Worker
}

export { linesFromStore, linesToStore }

/** Download a lab set aside (the save notice's link). */
export function downloadSaved(client: WorkerLab, key: string): void {
  void client.savesCall({ op: 'download', key }).then((blob) => {
    if (!(blob instanceof Blob)) return
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = `tokenlab-${key.replace(/[^\w.-]+/g, '-')}.json`
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
  })
}

/** window.lab.restoreSaved: put a set-aside lab back, with its screen. */
export async function restoreSaved(c: WorkerLab, key: string, d: { store: AppStore; clock: ClockController | undefined; say(n: Notice): void }): Promise<void> {
  const r = (await c.savesCall({ op: 'restoreSaved', key })) as { lines: StoredSeg[][]; seeded: boolean }
  d.clock?.labReplaced(r.seeded ? 'still' : 'realtime')
  d.store.getState().terminal.setLines(linesFromStore(r.lines))
  d.say({ kind: 'note', text: `Restored the lab saved under "${key}".` })
}

/** localStorage entries of older versions of the page (a worker cannot read them). */
function legacyItems(): Record<string, string> | undefined {
  const storage = globalStorage()
  if (!storage) return undefined
  const out: Record<string, string> = {}
  try {
    for (const k of [STATE_KEY, ...savedStateKeys(storage)]) {
      const v = storage.getItem(k)
      if (v !== null) out[k] = v
    }
  } catch {
    return undefined
  }
  return Object.keys(out).length ? out : undefined
}

/**
 * Offline after the first visit (public/sw.js caches the whole build). Registered once start-up
 * has settled, so its downloads never compete with it; builds only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('The lab will not work offline:', e))
}

/** How long the keyboard and mouse stay quiet, after start-up has settled, before the worker warms up (ms). */
export const WARM_UP_QUIET_MS = 2000

export async function startLab(d: StartDeps): Promise<void> {
  try {
    await start(d)
  } catch (e) {
    // No lab: what waited for start-up to settle need not wait any longer.
    settled()
    throw e
  }
}

/** Start-up has settled (startupGate.ts): the panels and the editor's preload go, the offline cache too; <html data-startup="settled"> says so. */
function settled(): void {
  const root = document.documentElement
  if (root.dataset.startup === 'settled') return
  root.dataset.startup = 'settled'
  settleStartup()
  registerServiceWorker()
}

async function start(d: StartDeps): Promise<void> {
  const { store, controller, params, windowLab, say } = d
  // The decoder keeps its token over a reload, and follows the newest token printed (no output can
  // hold a token before the lab has started: this code comes with the start-up's, not the first screen's).
  rememberDecoderSelection(store)
  followNewestToken(store)
  // The lesson panel's share, export and import
  store.getState().lesson.setActions(lessonPageActions(d.lessonDeps))
  const clock = new ClockController(store, controller, { onLabChanged: d.onClockChanged })
  controller.gate = clock
  d.clockMade(clock)
  const term = () => store.getState().terminal
  let client: WorkerLab | undefined
  const onLabEvent = (ev: LabEvent): void => {
    // a full-screen command's line is echoed on the screen that comes back after it
    if (ev.type === 'screen' && ev.alternate) controller.echoEntered()
    applyLabEvent(store, ev, clock)
    if (ev.type === 'clear') windowLab.cleared()
    if (ev.type === 'reset') clock.labReplaced() // the worker forgets the saved lab itself
  }
  const tabLock = await d.lock
  tabLock.onChange((role) => client?.tellSaves({ kind: 'saveRole', role }))
  const legacy = legacyItems()
  // A share link (#share=...): offer to replay its session in a fresh lab (the saved one is set aside).
  const shared = await sharedSessionIn(window.location.hash)
  if (shared.problem) say({ kind: 'warn', text: shared.problem })
  if (shared.session || shared.problem) history.replaceState(null, '', window.location.pathname + window.location.search)
  let replay: typeof shared.session
  if (shared.session) {
    // The offer is shown in the lesson panel and the lab waits for the answer: the panels load now.
    settled()
    if (await askReplay(store, shared.session)) replay = shared.session
  }
  /** Whether the worker restored a saved lab (then a ?lesson= already open there is not reopened). */
  let restoring = false
  const onSaves = (m: SavesFromWorker) => {
    if (m.kind === 'startPlan') {
      restoring = m.lines !== undefined
      // The restored screen goes above anything said or typed while the saved lab was being read.
      if (m.lines) term().setLines([...linesFromStore(m.lines), ...term().lines.map((l) => l.segs)])
      m.notices.forEach(say)
    } else if (m.kind === 'legacyDone') m.removed.forEach((k) => globalStorage()?.removeItem(k))
    else d.saves.receive(m)
  }
  const request = replay
    ? { ...(replay.seed !== undefined ? { seed: replay.seed } : {}), now: replay.now, fresh: true }
    : { ...(params.seed !== undefined ? { seed: params.seed } : {}), ...(params.now !== undefined ? { now: params.now } : {}) }
  const savesOpts = { start: { request, role: tabLock.role(), ...(legacy ? { legacy } : {}) }, onMessage: onSaves }
  const connected = await connectLab(request, onLabEvent, requestEdit, savesOpts, d.worker)
  client = connected.client
  d.connected(client)
  window.__labTest = {
    holdNextRun: (ms) => client?.holdNextRun(ms),
    fullDisk: () => client?.tellSaves({ kind: 'testFullDisk' }),
  }
  store.getState().lab.setClient(client)
  client.focusToken(store.getState().selection.token)
  store.subscribe((s, p) => {
    if (s.selection.token !== p.selection.token) s.lab.client?.focusToken(s.selection.token)
  })
  controller.attach(client)
  clock.attach(clockModeOf(connected))
  windowLab.attach()
  performance.mark('lab-ready')
  // The panels, the editor's preload and the offline cache once the lines typed meanwhile have
  // their answers and the keyboard is quiet; the worker's warm-up and the page's (pageWarmUp.ts)
  // at the first longer pause after that (a student typing away meets no warm-up line: a command
  // waits for the one in progress).
  const warmed = client
  settleWhenQuiet({ ready: Promise.resolve(), idle: () => controller.idle() }, () => {
    settled()
    afterInputQuiet(WARM_UP_QUIET_MS, () => {
      warmed.warmUp()
      void warmUpPage()
    })
  })
  if (tabLock.role() === 'follower') say({ kind: 'note', text: 'This lab is open in another tab: this tab shows it as last saved and does not save. Use "Take over" at the top to work here.' })
  if (replay) void replaySession(d.lessonDeps, replay)
  else openLessonFromUrl(d.lessonDeps, params, restoring)
}
