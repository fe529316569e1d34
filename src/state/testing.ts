// A small stand-in for the real lab, for unit tests of the UI layer (and for developing the
// page while the real lab is being written): `echo`, `printf`, `fail`, `clear`, `sleepy`.

import type { OutputChunk, RunResult, TerminalLab } from './labPort'
import { rfc3339 } from '../common/time'

export interface FakeLab extends TerminalLab {
  ran: string[]
  advanced: number[]
  snapshot(): { version: 1; seed?: string; nowMs: number; history: string[]; vars: Record<string, string> }
  restore(s: unknown): Promise<void>
  onReset(cb: () => void): void
}

const COMMANDS = ['echo', 'printf', 'fail', 'clear', 'sleepy', 'kubectl', 'lab']

export function createFakeLab(opts: { seed?: string; nowMs?: number } = {}): FakeLab {
  let nowMs = opts.nowMs ?? Date.UTC(2026, 4, 23, 23, 25, 0)
  let history: string[] = []
  let vars: Record<string, string> = {}
  const clear: (() => void)[] = []
  const expand = (s: string) => s.replace(/\$\{#(\w+)\}|\$(\w+)/g, (_, len, name) => (len ? String((vars[len] ?? '').length) : (vars[name] ?? '')))
  const lab: FakeLab = {
    seed: opts.seed,
    ran: [],
    advanced: [],
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
      } else if (cmd === 'clear') clear.forEach((cb) => cb())
      else if (cmd === 'sleepy') await new Promise((r) => setTimeout(r, Number(args[0] ?? 50)))
      else if (cmd === 'lab' && args[0] === 'now') out('stdout', `${lab.now()}\n`)
      else if (cmd !== undefined && cmd !== '') {
        out('stderr', `${cmd}: command not found\n`)
        exitCode = 127
      }
      return { stdout, stderr, exitCode }
    },
    async advance(d) {
      const ms = typeof d === 'number' ? d : Number.parseInt(d, 10) * 1000
      lab.advanced.push(ms)
      nowMs += ms
      return `Advanced ${ms}ms.`
    },
    now: () => rfc3339(nowMs),
    nowMs: () => nowMs,
    snapshot: () => ({ version: 1, ...(lab.seed !== undefined ? { seed: lab.seed } : {}), nowMs, history: [...history], vars: { ...vars } }),
    async restore(s: unknown) {
      const o = s as { version?: number; nowMs?: number; history?: string[]; vars?: Record<string, string> }
      if (!o || o.version !== 1 || typeof o.nowMs !== 'number') throw new Error('the saved lab is not a fake-lab snapshot')
      nowMs = o.nowMs
      history = [...(o.history ?? [])]
      vars = { ...o.vars }
    },
    needsMoreInput(text: string) {
      if (/(\\|\||&&)\s*$/.test(text)) return true
      const singles = (text.match(/'/g) ?? []).length
      return singles % 2 === 1
    },
    complete(text: string, cursor: number) {
      const before = text.slice(0, cursor)
      const from = before.search(/\S*$/)
      const word = before.slice(from)
      if (before.slice(0, from).trim() === 'lab') return { from, candidates: ['advance', 'help', 'now', 'reset'].filter((c) => c.startsWith(word)) }
      if (before.slice(0, from).trim() !== '') return { from, candidates: [] }
      return { from, candidates: COMMANDS.filter((c) => c.startsWith(word)) }
    },
    history: () => [...history],
    onClear: (cb) => void clear.push(cb),
    onReset: () => {},
  }
  return lab
}
