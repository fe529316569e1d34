// Entry point: parse the URL, show the terminal at once, then start (or restore) the lab in a Web
// Worker after the first render, so neither its bundle nor the RSA key generation of a seedless
// lab delays the first paint or the input; lines typed meanwhile are queued. The page holds the
// store (a projection of the lab, updated by the worker's messages). The worker saves the lab in
// IndexedDB after each change (savesServer.ts); the page sends it the screen's last lines, holds
// the tab's claim on the lab and shows the save status it gets back (saveView.ts).

import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { ClockController } from '../state/clockController'
import { TerminalController } from '../state/controller'
import { requestEdit } from '../state/editorBridge'
import { appStore } from '../state/store'
import { installStyles } from '../ui/styles'
import { App } from './App'
import type { Notice, StoredSeg } from './persist'
import { saveViewOf } from './saveView'
import { createWindowLab } from './windowLab'
import type { WorkerLab } from './workerClient'
import { parseUrlParams } from './url'
import type { LessonPageDeps } from './lessonPage'
import type { LessonPageActions } from '../state/slices/lesson'

declare global {
  interface Window {
    /** Lines entered in index.html's command line before this script ran. */
    __tokenlabEarly?: string[]
    /** Test hooks (Playwright): make the next command hold the lab's thread for `ms`. */
    __labTest?: { holdNextRun(ms: number): void; fullDisk(): void }
  }
}

const params = parseUrlParams(window.location.search)
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

/** The lab changed (`afterRun`: a command, which the worker saved already): send the screen's lines. */
function labChanged(afterRun: boolean): void {
  if (client && persist) client.tellSaves({ kind: 'saveNow', lines: persist.linesToStore(term().lines), afterRun })
}

const controller = new TerminalController(store, { onLabChanged: () => labChanged(true) })
const clock = new ClockController(store, controller, { onLabChanged: () => labChanged(false) })
controller.gate = clock
const modeOf = (s: { seed?: unknown }) => (s.seed !== undefined ? 'still' : 'realtime')

const saves = saveViewOf(lock, {
  takeOver: (l) => {
    void l.takeOver().then(() => window.location.reload())
  },
  download: (key) => {
    void client?.savesCall({ op: 'download', key }).then((blob) => {
      if (!(blob instanceof Blob)) return
      const a = document.createElement('a')
      a.href = URL.createObjectURL(blob)
      a.download = `tokenlab-${key.replace(/[^\w.-]+/g, '-')}.json`
      a.click()
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
    })
  },
})

const windowLab = createWindowLab(controller, clock, store, params, {
  check: async (s) => {
    const c = (await import('./schema')).checkSnapshot(s)
    if (!c.ok) throw new Error(`lab.restore: the snapshot is not valid (${c.reason})`)
  },
  restored: (s) => {
    clock.labReplaced(modeOf(s))
    labChanged(false)
  },
  savedStates: () => saves.savedStates(),
  restoreSaved: (key) =>
    controller.exclusive(async (c) => {
      const r = (await (c as WorkerLab).savesCall({ op: 'restoreSaved', key })) as { lines: StoredSeg[][]; seeded: boolean }
      clock.labReplaced(r.seeded ? 'still' : 'realtime')
      term().setLines((await import('./persist')).linesFromStore(r.lines))
      say({ kind: 'note', text: `Restored the lab saved under "${key}".` })
    }),
  clearSavedState: () => void client?.savesCall({ op: 'clear' }).catch(() => {}),
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
// Share, export and import (and their lessons, share-link and file code) load when first used or
// when start() needs them, not with the first screen.
const lessonPage = () => import('./lessonPage')
const pageActions = (): Promise<LessonPageActions> => lessonPage().then((m) => m.lessonPageActions(lessonDeps))
store.getState().lesson.setActions({
  shareLink: async () => (await pageActions()).shareLink(),
  exportLab: async () => (await pageActions()).exportLab(),
  importLab: async (file) => (await pageActions()).importLab(file),
})
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

/** The start-up code (startLab.ts) with the worker's client: one chunk, loaded after the first render. */
const starter = import('./startLab')

async function start(): Promise<void> {
  const m = await starter
  persist = m
  await m.startLab({
    store,
    controller,
    clock,
    params,
    windowLab,
    lessonDeps,
    saves,
    lock,
    requestEdit,
    say,
    connected: (c) => {
      client = c
    },
  })
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
