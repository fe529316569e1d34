// window.lab: the lab for scripts (Playwright) and the browser's console.
//
// It is the API of createLab() (src/app/lab.ts), bound to the lab this page shows:
//
//   await lab.ready                                   // the lab has started (or was restored)
//   const { stdout, stderr, exitCode } = await lab.run('kubectl get ns')
//   await lab.advance('48m')                          // '30s', '48m', '24h', '365d' or ms
//   lab.now(); lab.nowMs(); lab.snapshot(); await lab.restore(snapshot)
//   lab.needsMoreInput(text); lab.complete(text, cursor); lab.history(); lab.onClear(cb); lab.seed
//
// Commands run through lab.run() appear in the terminal exactly as typed ones do (echoed after
// the prompt, their output below) and wait behind anything typed or run before them, so a test
// can drive the page through the keyboard, through window.lab, or both. run/advance/restore
// called before `ready` wait for it; the synchronous calls throw until then.
//
// Extras of the page: `params` (the parsed URL parameters), `savedStates()` (keys of labs set
// aside in IndexedDB, as last read: `broken:<time>` or `previous:<time>`), `restoreSaved(key)`
// (go back to one), `clearSavedState()` (forget the saved lab; set-aside labs stay).

import type { TerminalController } from '../state/controller'
import type { Lab, LabSnapshot } from './lab'
import type { UrlParams } from './url'

/** The Lab's own API (createLab's), plus what only the page has. */
export interface WindowLab
  extends Pick<Lab, 'run' | 'advance' | 'now' | 'nowMs' | 'snapshot' | 'restore' | 'needsMoreInput' | 'complete' | 'history' | 'onClear' | 'seed'> {
  readonly ready: Promise<void>
  readonly params: UrlParams
  savedStates(): string[]
  restoreSaved(key: string): Promise<void>
  clearSavedState(): void
}

export interface WindowLabHooks {
  /** Check a snapshot given to window.lab.restore(s) before the lab sees it (throws with a reason). */
  check?(s: unknown): void | Promise<void>
  /** window.lab.restore(s) replaced the lab's state. */
  restored(s: LabSnapshot): void
  savedStates(): string[]
  restoreSaved(key: string): Promise<void>
  clearSavedState(): void
}

declare global {
  interface Window {
    lab?: WindowLab
  }
}

/** Build window.lab; call `attach(lab)` once the lab exists. */
export function createWindowLab(controller: TerminalController, params: UrlParams, hooks: WindowLabHooks) {
  let lab: Lab | undefined
  let resolveReady!: () => void
  let rejectReady!: (e: unknown) => void
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res
    rejectReady = rej
  })
  ready.catch(() => {}) // reported in the page; only callers awaiting `ready` see the rejection
  const need = (): Lab => {
    if (!lab) throw new Error('the lab is still starting: await window.lab.ready first')
    return lab
  }
  const api: WindowLab = {
    ready,
    run: (line, onChunk) => {
      if (typeof line !== 'string') return Promise.reject(new TypeError('lab.run(line): line must be a string'))
      return controller.runFromApi(line, onChunk)
    },
    advance: (d) => controller.advance(d),
    now: () => need().now(),
    nowMs: () => need().nowMs(),
    snapshot: () => need().snapshot(),
    restore: (s) =>
      ready.then(() =>
        controller.exclusive(async () => {
          await hooks.check?.(s)
          await need().restore(s)
          hooks.restored(s)
        }),
      ),
    needsMoreInput: (t) => need().needsMoreInput(t),
    complete: (t, c) => need().complete(t, c),
    history: () => need().history(),
    onClear: (cb) => {
      void ready.then(() => need().onClear(cb))
    },
    get seed() {
      return lab?.seed
    },
    params,
    savedStates: () => hooks.savedStates(),
    restoreSaved: (key) => ready.then(() => hooks.restoreSaved(key)),
    clearSavedState: () => hooks.clearSavedState(),
  }
  return {
    api,
    attach(l: Lab) {
      lab = l
      resolveReady()
    },
    fail(e: unknown) {
      rejectReady(e)
    },
  }
}
