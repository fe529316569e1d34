// window.lab: the lab for scripts (Playwright) and the browser's console.
//
// It is the API of createLab() (src/app/lab.ts), bound to the lab this page shows:
//
//   await lab.ready                                   // the lab has started (or was restored)
//   const { stdout, stderr, exitCode } = await lab.run('kubectl get ns')
//   await lab.advance('48m')                          // '30s', '48m', '24h', '365d' or ms
//   lab.now(); lab.nowMs(); await lab.snapshot(); await lab.restore(snapshot)
//   await lab.needsMoreInput(text); await lab.complete(text, cursor); lab.history(); lab.onClear(cb); lab.seed
//
// The lab runs in a Web Worker: what answers at once (now, nowMs, history, seed) comes from the
// page's projection of the lab (as of its last update); snapshot, needsMoreInput and complete
// ask the worker and return promises.
//
// Commands run through lab.run() appear in the terminal exactly as typed ones do (echoed after
// the prompt, their output below) and wait behind anything typed or run before them, so a test
// can drive the page through the keyboard, through window.lab, or both. run/advance/restore
// called before `ready` wait for it; the other calls throw until then.
//
// Extras of the page: `params` (the parsed URL parameters), `savedStates()` (keys of labs set
// aside in IndexedDB, as last read: `broken:<time>` or `previous:<time>`), `restoreSaved(key)`
// (go back to one), `clearSavedState()` (forget the saved lab; set-aside labs stay).
//
// Lessons: `await lab.lessons()` (every lesson: id, title, summary, start commands, and its steps
// with their commands, solution commands and check names); `lab.lesson()` (the open lesson as of
// the lab's last update: id, title, step, steps, stepTitle, goal, checks with ok / expected /
// found, passed, hintsShown, hints, remaining solution commands, commands; undefined when none is
// open); `await lab.shareLink()` (the link the Share button gives).

import type { ClockController } from '../state/clockController'
import type { TerminalController } from '../state/controller'
import type { AppStore } from '../state/store'
import type { Lab, LabSnapshot, LessonOutline } from './lab'
import type { LessonStepState } from '../state/labPort'
import type { UrlParams } from './url'

/** The Lab's own API (createLab's), asynchronous where the lab must answer, plus what only the page has. */
export interface WindowLab extends Pick<Lab, 'run' | 'advance' | 'now' | 'nowMs' | 'restore' | 'history' | 'onClear' | 'seed'> {
  snapshot(): Promise<LabSnapshot>
  needsMoreInput(text: string): Promise<boolean>
  complete(text: string, cursor: number): Promise<{ from: number; candidates: string[] }>
  readonly ready: Promise<void>
  readonly params: UrlParams
  savedStates(): string[]
  restoreSaved(key: string): Promise<void>
  clearSavedState(): void
  lessons(): Promise<LessonOutline[]>
  lesson(): WindowLesson | undefined
  shareLink(): Promise<string>
}

/** The open lesson as window.lab.lesson() gives it. */
export type WindowLesson = Omit<LessonStepState, 'blocks' | 'focus'>

export interface WindowLabHooks {
  /** Check a snapshot given to window.lab.restore(s) before the lab sees it (throws with a reason). */
  check?(s: unknown): void | Promise<void>
  /** window.lab.restore(s) replaced the lab's state. */
  restored(s: LabSnapshot): void
  savedStates(): string[]
  restoreSaved(key: string): Promise<void>
  clearSavedState(): void
  /** The link Share gives. */
  shareLink?(): Promise<string>
}

declare global {
  interface Window {
    lab?: WindowLab
  }
}

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Build window.lab; call `attach()` once the lab has started, `cleared()` when it cleared the screen. */
export function createWindowLab(terminal: TerminalController, clock: Pick<ClockController, 'advance'>, store: AppStore, params: UrlParams, hooks: WindowLabHooks) {
  let started = false
  const clearListeners: (() => void)[] = []
  let resolveReady!: () => void
  let rejectReady!: (e: unknown) => void
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res
    rejectReady = rej
  })
  ready.catch(() => {}) // reported in the page; only callers awaiting `ready` see the rejection
  const need = () => {
    const client = store.getState().lab.client
    if (!started || !client) throw new Error('the lab is still starting: await window.lab.ready first')
    return client
  }
  const api: WindowLab = {
    ready,
    run: (line, onChunk) => {
      if (typeof line !== 'string') return Promise.reject(new TypeError('lab.run(line): line must be a string'))
      return terminal.runFromApi(line, onChunk)
    },
    advance: (d) => clock.advance(d),
    now: () => {
      need()
      return rfc3339(store.getState().clock.labMs)
    },
    nowMs: () => {
      need()
      return store.getState().clock.labMs
    },
    snapshot: async () => (await need().snapshot()) as LabSnapshot,
    restore: (s) =>
      ready.then(() =>
        terminal.exclusive(async (client) => {
          await hooks.check?.(s)
          await client.restore(s)
          hooks.restored(s)
        }),
      ),
    needsMoreInput: async (t) => need().needsMoreInput(t),
    complete: async (t, c) => need().complete(t, c),
    history: () => {
      need()
      return [...store.getState().lab.history]
    },
    onClear: (cb) => {
      clearListeners.push(cb)
    },
    get seed() {
      return started ? store.getState().lab.client?.seed : undefined
    },
    params,
    savedStates: () => hooks.savedStates(),
    restoreSaved: (key) => ready.then(() => hooks.restoreSaved(key)),
    clearSavedState: () => hooks.clearSavedState(),
    lessons: async () => {
      const client = need()
      if (!client.lessons) throw new Error('this lab has no lessons')
      return (await client.lessons()) as LessonOutline[]
    },
    lesson: () => {
      const cur = store.getState().lesson.current
      if (!cur) return undefined
      const { blocks: _blocks, focus: _focus, ...rest } = cur
      return structuredClone(rest)
    },
    shareLink: async () => {
      need()
      if (!hooks.shareLink) throw new Error('this page cannot make share links')
      return hooks.shareLink()
    },
  }
  return {
    api,
    attach() {
      started = true
      resolveReady()
    },
    cleared() {
      for (const cb of clearListeners) cb()
    },
    fail(e: unknown) {
      rejectReady(e)
    },
  }
}
