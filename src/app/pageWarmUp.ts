// The page's warm-up, the page's half of what warmUp.ts does in the worker. The first command a
// student types after the page has loaded goes through page code that has never run: the
// command line's Enter key, the terminal's queue, the message to the worker, the answer's
// handling, the output's lines and their render. The engine compiles each function as it is
// first called and runs it unoptimised, so that first answer reached the DOM about 6 ms later
// than the same command typed second (scripts/benchTyping.mjs, a settled page: 11 to 13 ms
// against 4 to 6).
//
// At the same pause as the worker's warm-up, the page therefore types a few lines into a
// terminal of its own: a second Terminal with its own store and controller, rendered into an
// element that is never put in the document (nothing is drawn, announced or focused), whose
// worker is a stand-in answering over a real MessageChannel with made-up output. The student's
// terminal, store and lab are not touched. Then the terminal is unmounted and dropped.

import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { TerminalController } from '../state/controller'
import { createAppStore } from '../state/store'
import { Terminal } from '../ui/terminal/Terminal'
import type { FromWorker, ToWorker } from './protocol'
import { WorkerLab, type WorkerLike } from './workerClient'

/** What the stand-in prints for each line: a table, a token, an error, text without a newline, nothing. */
const ANSWERS: Record<string, { out?: string; err?: string }> = {
  'kubectl get ns': { out: 'NAME              STATUS   AGE\ndefault           Active   5m\nkube-node-lease   Active   5m\nkube-public       Active   5m\nkube-system       Active   5m\n' },
  'kubectl create token default': {
    out: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Indhcm0tdXAifQ.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVzLmRlZmF1bHQuc3ZjLmNsdXN0ZXIubG9jYWwiXSwic3ViIjoid2FybS11cCJ9.c2lnbmF0dXJl\n',
  },
  'kubectl get secrets': { err: 'Error from server (Forbidden): secrets is forbidden: User "warm-up" cannot list resource "secrets" in API group "" in the namespace "default"\n' },
  'printf x': { out: 'x' },
  'TOK=x': {},
}
/** The lines typed, in order: each answer's path a few times, so that the engine optimises the commonest. */
export const PAGE_WARM_UP_LINES: readonly string[] = Array.from({ length: 3 }, () => Object.keys(ANSWERS)).flat()

/** A stand-in for the lab's worker: starts at once, answers each typed line from ANSWERS, as messages. */
class StandInWorker implements WorkerLike {
  onmessage: ((e: { data: FromWorker }) => void) | null = null
  onerror: ((e: { message?: string }) => void) | null = null
  private readonly channel = new MessageChannel()

  constructor() {
    this.channel.port2.onmessage = (e: MessageEvent<FromWorker>) => this.onmessage?.({ data: e.data })
  }

  private reply(m: FromWorker): void {
    this.channel.port1.postMessage(m)
  }

  postMessage(m: ToWorker): void {
    if (m.kind === 'start' || m.kind === 'startSaved') this.reply({ kind: 'started', nowMs: 0 })
    if (m.kind !== 'call') return
    const c = m.call
    if (c.op !== 'enter') return this.reply({ kind: 'result', id: m.id, ok: true, value: undefined })
    const a = ANSWERS[c.text] ?? {}
    if (a.out) this.reply({ kind: 'chunk', id: m.id, chunk: { stream: 'stdout', text: a.out } })
    if (a.err) this.reply({ kind: 'chunk', id: m.id, chunk: { stream: 'stderr', text: a.err } })
    this.reply({ kind: 'result', id: m.id, ok: true, value: { more: false, result: { stdout: a.out ?? '', stderr: a.err ?? '', exitCode: a.err ? 1 : 0 } } })
  }

  terminate(): void {
    this.channel.port1.close()
    this.channel.port2.close()
  }
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
/** Let tasks run until `done` (100 of them at most). */
async function tasksUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await tick()
}

/** Type `text` and Enter into a command line as a person would: React sees an input event, then the key. */
async function typeLine(input: HTMLInputElement, text: string): Promise<void> {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await tick() // the typed value is rendered before the key reads it
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
}

/**
 * Type `lines` into a terminal nobody sees, one per task, each once the one before has its
 * answer. Marks `page-warm` when done. Never throws: a warm-up that fails is only a first
 * command a little slower.
 */
export async function warmUpPage(lines: readonly string[] = PAGE_WARM_UP_LINES): Promise<void> {
  const host = document.createElement('div')
  const root = createRoot(host)
  const worker = new StandInWorker()
  try {
    const store = createAppStore()
    const controller = new TerminalController(store)
    const client = new WorkerLab({ spawn: () => worker, onEvent: () => {}, onEdit: async () => undefined }, {})
    await client.start()
    controller.attach(client)
    root.render(createElement(Terminal, { store, controller }))
    const inputOf = () => host.querySelector('input')
    await tasksUntil(() => inputOf() !== null) // a render of its own, in a task of React's
    const input = inputOf()
    if (!input) return
    for (const line of lines) {
      await typeLine(input, line)
      await tasksUntil(() => controller.idle() && !store.getState().terminal.busy)
    }
    // for scripts/bench.mjs and e2e/warmUp.spec.ts: the lines the warm-up's terminal shows
    performance.mark('page-warm', { detail: { lines: host.querySelectorAll('.t-line').length } })
  } catch {
    // no warm-up: the student's first command warms the code itself
  } finally {
    root.unmount()
    worker.terminate()
  }
}
