// A small stand-in for the real lab, for unit tests of the UI layer: a LabClient that knows
// `echo`, `printf`, `fail`, `clear`, `sleepy` and tells the page what changed, as the real lab
// does (updates of the projection, `clear`).

import { ClockController } from './clockController'
import { TerminalController } from './controller'
import { applyLabEvent } from './labEvents'
import type { JumpKind, LabClient, LabEvent, OutputChunk, RunResult } from './labPort'
import { lineText } from './lines'
import type { ClockMode } from './slices/clock'
import { createAppStore } from './store'
import { rfc3339 } from '../common/time'

export interface FakeSnapshot {
  version: 1
  seed?: string
  nowMs: number
  history: string[]
  vars: Record<string, string>
}

export interface FakeLab extends LabClient {
  ran: string[]
  advanced: number[]
  jumps: { kind: JumpKind; token?: string }[]
  interrupts: number
  nowMs(): number
  now(): string
  snapshot(): Promise<FakeSnapshot>
  /** Where its events go (set before use; the page's store in tests). */
  onEvent: (e: LabEvent) => void
  /** Send the whole projection (as the real lab does when it starts). */
  publish(fresh?: boolean): void
}

const COMMANDS = ['cd', 'echo', 'printf', 'fail', 'clear', 'sleepy', 'kubectl', 'lab']

export function createFakeLab(opts: { seed?: string; nowMs?: number; onEvent?: (e: LabEvent) => void } = {}): FakeLab {
  let nowMs = opts.nowMs ?? Date.UTC(2026, 4, 23, 23, 25, 0)
  let history: string[] = []
  let vars: Record<string, string> = {}
  let cwd = '/root'
  const expand = (s: string) => s.replace(/\$\{#(\w+)\}|\$(\w+)/g, (_, len, name) => (len ? String((vars[len] ?? '').length) : (vars[name] ?? '')))
  const lab: FakeLab = {
    seed: opts.seed,
    ran: [],
    advanced: [],
    jumps: [],
    interrupts: 0,
    onEvent: opts.onEvent ?? (() => {}),
    publish(fresh = false) {
      lab.onEvent({ type: 'update', update: { nowMs, cwd, history: { reset: true, items: [...history] }, variables: { ...vars }, ...(fresh ? { epoch: 1 } : {}) } })
    },
    async run(line: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult> {
      lab.ran.push(line)
      history.push(line)
      let stdout = ''
      let stderr = ''
      const out = (stream: 'stdout' | 'stderr', text: string) => {
        if (stream === 'stdout') stdout += text
        else stderr += text
        onChunk?.({ stream, text })
      }
      let exitCode = 0
      const text = line.replace(/\\\n/g, '')
      const assign = /^(\w+)=(.*)$/.exec(text)
      const [cmd, ...args] = text.trim().split(/[ \t]+/)
      if (assign) vars[assign[1]] = assign[2].replace(/^'(.*)'$/, '$1')
      else if (cmd === 'echo') out('stdout', `${expand(args.join(' ').replace(/^'(.*)'$/s, '$1'))}\n`)
      else if (cmd === 'printf') out('stdout', args.join(' ').replace(/^'(.*)'$/s, '$1').replace(/\\n/g, '\n'))
      else if (cmd === 'fail') {
        out('stdout', 'before\n')
        out('stderr', `fail: ${args.join(' ') || 'it failed'}\n`)
        out('stdout', 'after\n')
        exitCode = 1
      } else if (cmd === 'cd') cwd = args[0] ?? '/root'
      else if (cmd === 'clear') lab.onEvent({ type: 'clear' })
      else if (cmd === 'sleepy') await new Promise((r) => setTimeout(r, Number(args[0] ?? 50)))
      else if (cmd === 'lab' && args[0] === 'now') out('stdout', `${lab.now()}\n`)
      else if (cmd !== undefined && cmd !== '') {
        out('stderr', `${cmd}: command not found\n`)
        exitCode = 127
      }
      lab.publish()
      return { stdout, stderr, exitCode }
    },
    async advance(d) {
      const ms = typeof d === 'number' ? d : Number.parseInt(d, 10) * 1000
      lab.advanced.push(ms)
      nowMs += ms
      lab.publish()
      return `Advanced ${ms}ms.`
    },
    async jump(kind, token) {
      lab.jumps.push({ kind, token })
      nowMs += 3_600_000
      lab.publish()
      return nowMs
    },
    now: () => rfc3339(nowMs),
    nowMs: () => nowMs,
    snapshot: async () => ({ version: 1, ...(lab.seed !== undefined ? { seed: lab.seed } : {}), nowMs, history: [...history], vars: { ...vars } }),
    async restore(s: unknown) {
      const o = s as { version?: number; nowMs?: number; history?: string[]; vars?: Record<string, string> }
      if (!o || o.version !== 1 || typeof o.nowMs !== 'number') throw new Error('the saved lab is not a fake-lab snapshot')
      nowMs = o.nowMs
      history = [...(o.history ?? [])]
      vars = { ...o.vars }
      lab.publish(true)
    },
    async needsMoreInput(text: string) {
      if (/(\\|\||&&)\s*$/.test(text)) return true
      const singles = (text.match(/'/g) ?? []).length
      return singles % 2 === 1
    },
    async complete(text: string, cursor: number) {
      const before = text.slice(0, cursor)
      const from = before.search(/\S*$/)
      const word = before.slice(from)
      if (before.slice(0, from).trim() === 'lab') return { from, candidates: ['advance', 'help', 'now', 'reset'].filter((c) => c.startsWith(word)) }
      if (before.slice(0, from).trim() !== '') return { from, candidates: [] }
      return { from, candidates: COMMANDS.filter((c) => c.startsWith(word)) }
    },
    async inspectToken() {
      throw new Error('the fake lab does not inspect tokens')
    },
    interrupt() {
      lab.interrupts++
    },
    focusToken() {},
    wantSchedules() {},
  }
  return lab
}

/** A page's store and controllers around a fake lab, for tests: `attach()` starts the lab. */
export function setupPage(mode: ClockMode = 'still', wall = { t: 1_000_000 }, seed?: string) {
  const store = createAppStore()
  let changed = 0
  const ctl = new TerminalController(store, { onLabChanged: () => changed++ })
  const clock = new ClockController(store, ctl, { wallNow: () => wall.t })
  ctl.gate = clock
  const lab = createFakeLab({ seed, onEvent: (e) => applyLabEvent(store, e, clock) })
  const screen = () => store.getState().terminal.lines.map((l) => lineText(l.segs))
  const attach = () => {
    lab.publish(true)
    store.getState().lab.setClient(lab)
    ctl.attach(lab)
    clock.attach(mode)
  }
  return { store, ctl, clock, lab, screen, wall, changed: () => changed, attach, term: () => store.getState().terminal }
}
