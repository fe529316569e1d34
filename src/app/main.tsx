// Entry point: spawn the lab's Web Worker (its script loads on its own thread), parse the URL,
// render the terminal in slices (index.html's command line takes keys meanwhile and hands them
// over), and start (or restore) the lab in that worker, so neither its bundle nor the RSA key
// generation of a seedless lab delays the first paint or the input; lines typed meanwhile are
// queued. The page holds the
// store (a projection of the lab, updated by the worker's messages). The worker saves the lab in
// IndexedDB after each change (savesServer.ts); the page sends it the screen's last lines, holds
// the tab's claim on the lab and shows the save status it gets back (saveView.ts).

import { StrictMode, startTransition, use, useLayoutEffect, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import type { ClockController } from '../state/clockController'
import { TerminalController } from '../state/controller'
import { normalLines } from '../state/slices/terminal'
import { appStore } from '../state/store'
import { installPresenterStyles, installStyles } from '../ui/styles'
import { App } from './App'
import type { Notice } from './persist'
import type { ToWorker } from './protocol'
import type { PageSaves } from './saveView'
import type { WorkerLab } from './workerClient'
import type { WindowLab } from './windowLab'
import { parseUrlParams } from './url'
import type { LessonPageDeps } from './lessonPage'

declare global {
  interface Window {
    /** Lines entered in index.html's command line before this script ran. */
    __tokenlabEarly?: string[]
    /** The lab's worker, spawned by the built index.html (scripts/vite/earlyWorker.ts). */
    __tokenlabWorker?: Worker
    /** Test hooks (Playwright): make the next command hold the lab's thread for `ms`. */
    __labTest?: { holdNextRun(ms: number): void; fullDisk(): void }
    /** Test hook (Playwright, set before this script runs): the first render waits for it. */
    __labHoldRender?: Promise<void>
  }
}

// The lab (cluster, shell, jose) runs in a Web Worker, so no command can hold this thread. The
// built page spawns it from index.html's <head> (scripts/vite/earlyWorker.ts), the dev server's
// here, first thing: its script, the largest the lab loads, is fetched and compiled on its own
// thread while this one renders the terminal and loads the start-up code; it waits for
// startLab.ts's start message. (Without it, connectLab spawns one.)
const labWorker = import.meta.env.DEV ? new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'lab' }) : window.__tokenlabWorker
const params = parseUrlParams(window.location.search)
// The worker builds the fresh lab the URL asks for as soon as its script has run, while this
// thread renders and loads the start-up code (labPrepare.ts); a saved lab or a shared session
// starts otherwise (and that lab is dropped).
labWorker?.postMessage({ kind: 'prepare', opts: { seed: params.seed, now: params.now } } satisfies ToWorker)
const store = appStore
const term = () => store.getState().terminal
let client: WorkerLab | undefined
/** persist.ts's line conversions, there once start-up has loaded them (startLab.ts). */
let persist: Pick<typeof import('./persist'), 'linesToStore' | 'linesFromStore'> | undefined

const say = (n: Notice) => term().notice(n.text, n.kind)

// This tab's claim on the lab (another tab may own it: then this one follows). The saving itself
// runs in the lab's worker, from the lab's own snapshots (savesServer.ts): the page sends only
// the terminal's last lines after each change, and gets the save status back.
const lock = import('./tabLock').then((m) => m.claimLab())

/** The lab changed (`afterRun`: a command, which the worker saved already): send the screen's lines (while watch holds the alternate screen, the screen that comes back). */
function labChanged(afterRun: boolean): void {
  if (client && persist) client.tellSaves({ kind: 'saveNow', lines: persist.linesToStore(normalLines(term())), afterRun })
}

const controller = new TerminalController(store, { onLabChanged: () => labChanged(true) })
// The lab clock's controller comes with the start-up code (startLab.ts makes it before the lab
// can run anything): its code is not in the first screen's download.
let clock: ClockController | undefined
let clockMade!: (c: ClockController) => void
const clockReady = new Promise<ClockController>((resolve) => {
  clockMade = (c) => {
    clock = c
    resolve(c)
  }
})
const advance = (d: string | number) => (clock ? clock.advance(d) : clockReady.then((c) => c.advance(d)))

/**
 * The start-up code (startLab.ts) with the worker's client: one chunk, asked for now but run
 * (and, with the module graph, fetched first) only after the first render below.
 */
let starter!: Promise<typeof import('./startLab')>

// The save notice's source (saveView.ts) comes in a chunk of its own, asked for at once: the
// notice has nothing to say before the lab has started.
let savesNow: PageSaves | undefined
const savesReady = import('./saveView').then((m) =>
  (savesNow = m.saveViewOf(lock, {
    takeOver: (l) => {
      void l.takeOver().then(() => window.location.reload())
    },
    download: (key) => {
      if (client) void starter.then((m) => m.downloadSaved(client!, key))
    },
  })),
)

// window.lab (for scripts and the browser's console) comes in a small chunk of its own, asked
// for at once: not in the first screen's download. Until it is there, window.lab stands in for
// it: `ready` and every call wait for the real one (which then takes its place).
const windowLabReady = import('./windowLab').then((m) => {
  const w = m.createWindowLab(controller, { advance }, store, params, {
    check: async (s) => {
      const c = (await import('./schema')).checkSnapshot(s)
      if (!c.ok) throw new Error(`lab.restore: the snapshot is not valid (${c.reason})`)
    },
    restored: (s) => {
      clock?.labRestored(s)
      labChanged(false)
    },
    savedStates: () => savesNow?.savedStates() ?? [],
    restoreSaved: (key) => controller.exclusive(async (c) => (await starter).restoreSaved(c as WorkerLab, key, { store, clock, say })),
    clearSavedState: () => void client?.savesCall({ op: 'clear' }).catch(() => {}),
    shareLink: () => lessonDeps.store.getState().lesson.actions!.shareLink(),
  })
  window.lab = w.api
  return w
})
const realLab = windowLabReady.then((w) => w.api as WindowLab & Record<string | symbol, (...a: unknown[]) => unknown>)
// (`params` is known already; not a thenable: `then` is absent, so a promise can resolve to it)
window.lab = new Proxy({} as WindowLab, {
  get: (_, k) =>
    k === 'ready' ? realLab.then((l) => l.ready) : k === 'params' ? params : k === 'then' ? undefined : (...a: unknown[]) => realLab.then((l) => l[k](...a)),
})
// The lesson panel's page actions (share, export, import) and presenter mode.
const lessonDeps: LessonPageDeps = {
  store,
  controller,
  client: () => client,
  restore: (s) => windowLabReady.then((w) => w.api.restore(s)),
  say,
  href: () => window.location.href,
}
// Share, export and import (and their lessons, share-link and file code) come with the start-up
// code (startLab.ts), not with the first screen.
store.getState().lesson.setPresenter(params.presenter)

// (their words load only when there is one: urlProblems.ts)
if (params.problems.length) void import('./urlProblems').then((m) => params.problems.forEach((p) => say({ kind: 'warn', text: m.problemText(p) })))

// What was entered into index.html's command line before this script ran (see its inline script).
// It keeps taking input while the terminal renders (below); the terminal takes the rest from it
// when it appears (takeBootInput).
const bootInput = document.getElementById('boot-input') as HTMLInputElement | null
const earlyLines = window.__tokenlabEarly ?? []
earlyLines.splice(0).forEach((l) => controller.submit(l))
let bootTaken = false
let terminalShown!: () => void
const shown = new Promise<void>((resolve) => (terminalShown = resolve))
/** The lines entered into index.html's command line since, and what is typed there now, once (as the terminal appears). */
function takeBootInput(): string {
  if (bootTaken) return ''
  bootTaken = true
  earlyLines.splice(0).forEach((l) => controller.submit(l))
  return bootInput?.value ?? ''
}

// The start-up code downloads while the terminal renders; it runs after.
starter = import('./startLab')
installStyles()
if (params.presenter) void installPresenterStyles()

// Render in slices (a transition): index.html's command line keeps taking keys meanwhile, and the
// terminal takes over what was typed there when it appears.
/**
 * The first render: held while window.__labHoldRender is pending (a transition keeps index.html's
 * page meanwhile); says when it is on the page (after the terminal took index.html's input, even if a
 * part of the page failed).
 */
function FirstRender({ hold, children }: { hold?: Promise<void>; children: ReactNode }) {
  if (hold) use(hold)
  useLayoutEffect(() => terminalShown(), [])
  return children
}
const root = createRoot(document.getElementById('root')!)
startTransition(() =>
  root.render(
    <StrictMode>
      <FirstRender hold={window.__labHoldRender}>
        <App store={store} controller={controller} clock={clockReady} presenter={params.presenter} takeInitialInput={takeBootInput} saves={savesReady} />
      </FirstRender>
    </StrictMode>,
  ),
)
// Then start the lab once the terminal is there: startLab.ts (asked for before the render, so it
// downloads meanwhile) connects to the worker spawned above (which has made the lab meanwhile:
// `prepare`). Started earlier, its changes to the store would make React finish the render in one go.

async function start(): Promise<void> {
  const m = await starter
  await shown
  persist = m
  await m.startLab({
    store,
    controller,
    clockMade,
    onClockChanged: () => labChanged(false),
    params,
    windowLab: await windowLabReady,
    lessonDeps,
    saves: await savesReady,
    lock,
    say,
    connected: (c) => {
      client = c
    },
    worker: labWorker,
  })
}

start().catch((e: unknown) => {
  const msg = e instanceof Error ? e.message : String(e)
  term().set({ status: 'The lab could not start.' })
  say({ kind: 'warn', text: `The lab could not start: ${msg}. Reload the page to try again.` })
  void windowLabReady.then((w) => w.fail(e))
})
