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
import type { Lab } from './lab'
import { globalStorage, linesFromStore, linesToStore, type Notice } from './persist'
import type { LabPersistence, StartPlan } from './persistLab'
import type { SaveInput } from './saveParts'
import { saveViewOf } from './saveView'
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

function record(): SaveInput | undefined {
  if (!lab) return undefined
  const snapshot = lab.snapshot()
  return {
    snapshot,
    ...(snapshot.seed !== undefined ? { seed: snapshot.seed } : {}),
    ...(startedAt !== undefined ? { now: startedAt } : {}),
    lines: linesToStore(store.getState().lines),
  }
}

// IndexedDB, and this tab's claim on the lab (another tab may own it: then this one follows).
// Loaded apart from the page's first bundle (the schema's validator is not needed for the input).
const persistModule = import('./persistLab')
const persistence = persistModule.then((m) => m.LabPersistence.open({ legacy: storage }))
let persist: LabPersistence | undefined
void persistence.then((p) => (persist = p))
/** Save at once after each change (no idle wait): the last command survives the tab dying. */
let historyLength = 0
const save = () => {
  const history = lab?.history() ?? []
  const command = history.length > historyLength ? history[history.length - 1] : undefined
  historyLength = history.length
  persist?.save(record, command)
}
const controller = new TerminalController(store, { onLabChanged: save })
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

const windowLab = createWindowLab(controller, params, {
  check: async (s) => {
    const c = (await import('./schema')).checkSnapshot(s)
    if (!c.ok) throw new Error(`lab.restore: the snapshot is not valid (${c.reason})`)
  },
  restored: (s) => {
    startedAt = undefined
    controller.labReplaced(modeOf(s))
    save()
  },
  savedStates: () => persist?.savedStates() ?? [],
  restoreSaved: async (key) => {
    const p = await persistence
    const saved = await p.readSaved(key)
    await windowLab.api.restore(saved.snapshot)
    startedAt = saved.now
    store.getState().setLines(linesFromStore(saved.lines))
    say({ kind: 'note', text: `Restored the lab saved under "${key}".` })
    save()
  },
  clearSavedState: () => void persist?.clear(),
})
window.lab = windowLab.api

for (const p of params.problems) say({ kind: 'warn', text: p })

const bootInput = document.getElementById('boot-input') as HTMLInputElement | null
const early = { value: bootInput?.value ?? '', lines: window.__tokenlabEarly ?? [] }
early.lines.forEach((l) => controller.submit(l))

installStyles()

// Render synchronously: the command line takes input as soon as this script has run.
const root = createRoot(document.getElementById('root')!)
flushSync(() =>
  root.render(
    <StrictMode>
      <App store={store} controller={controller} presenter={params.presenter} initialInput={early.value} saves={saves} />
    </StrictMode>,
  ),
)
// Only then fetch the lab (cluster, shell, jose): its download and parsing do not delay the input.
const labModule = import('./lab')

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
  if (plan.restore) store.getState().setLines([...linesFromStore(plan.restore.lines), ...store.getState().lines.map((l) => l.segs)])
  plan.notices.forEach(say)
  const { createLab } = await labModule
  if (plan.restore) {
    try {
      lab = await createLab({ state: plan.restore.snapshot })
      startedAt = plan.restore.now
      say(restoredNotice(plan.restore, plan.lost, lab.now(), plan.behind))
    } catch (e) {
      // Take the restored screen away again, keeping the page's own notices.
      const notices = store.getState().lines.filter((l) => l.segs.every((g) => g.kind === 'note' || g.kind === 'warn'))
      store.getState().setLines(notices.map((l) => l.segs))
      say(await p.setAsideBroken(plan.restore, e instanceof Error ? e.message : String(e)))
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
    void p.clear()
    controller.labReplaced()
  })
  historyLength = lab.history().length
  controller.attach(lab, modeOf(lab))
  windowLab.attach(lab)
  labView.getState().setLab(lab)
  lab.onEditRequest(requestEdit)
  performance.mark('lab-ready')
  if (p.lock.role() === 'follower') say({ kind: 'note', text: 'This lab is open in another tab: this tab shows it as last saved and does not save. Use "Take over" at the top to work here.' })
  save()
}

start().catch((e: unknown) => {
  const msg = e instanceof Error ? e.message : String(e)
  store.getState().set({ status: 'The lab could not start.' })
  say({ kind: 'warn', text: `The lab could not start: ${msg}. Reload the page to try again.` })
  windowLab.fail(e)
})
