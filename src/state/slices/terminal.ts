// The store's terminal slice: the screen (finished lines and the unfinished one), the prompt,
// whether a command runs, lines typed ahead, and the status sentence.

import { echoInput, emptyScreen, notice, write, type Screen, type Segment, type SegmentKind, type TermLine } from '../lines'
import type { SliceMaker } from './types'

export const PS1 = 'root@workstation:~# '
export const PS2 = '> '

/** bash's `\u@\h:\w\$ ` for root: the working directory, with the home folder shown as `~`. */
export function promptFor(cwd: string | undefined, home = '/root'): string {
  if (!cwd || cwd === home) return PS1
  const w = cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd
  return `root@workstation:${w}# `
}

export interface TerminalFields extends Screen {
  /** Prompt shown before the input: PS1, or PS2 while a command needs more lines. */
  prompt: string
  /** A command (or a queue of typed-ahead lines) is being run. */
  busy: boolean
  /** The lab has been created (before that, typed lines wait in a queue). */
  ready: boolean
  /** Lines typed while the lab starts or a command runs, not yet echoed. */
  queued: number
  /** One short sentence about the lab's state, for the status region. */
  status: string
  /**
   * While a full-screen command (watch) holds the alternate screen: the screen from before it,
   * which comes back when the command gives the screen back (what the command showed goes).
   */
  normal?: { lines: TermLine[]; partial: Segment[] }
}

/** The lines of the screen that stays: the one from before a full-screen command while one runs. */
export const normalLines = (t: TerminalFields): TermLine[] => t.normal?.lines ?? t.lines

export interface TerminalSlice extends TerminalFields {
  write(kind: SegmentKind, text: string): void
  echo(prompt: string, input: string, suffix?: string): void
  notice(text: string, kind?: 'note' | 'warn'): void
  /** A command line written on lines `fromId` to `toId` (by default: up to now) has ended with `status` (settle.ts). */
  settle(fromId: number, status: number, toId?: number): void
  clear(): void
  /** A full-screen command takes the alternate screen (true, empty) or gives it back (false). */
  alternate(on: boolean): void
  setLines(lines: Segment[][], partial?: Segment[]): void
  set(patch: Partial<Pick<TerminalFields, 'prompt' | 'busy' | 'ready' | 'queued' | 'status'>>): void
}

/** settle.ts, loaded when the first command line is echoed (no part of the first screen's script): a command's end then marks its lines at once, before the lab is saved. */
let settling: typeof import('../settle') | undefined
let loading: Promise<typeof import('../settle')> | undefined
const loadSettle = () => (loading ??= import('../settle').then((m) => (settling = m)))

export const terminalSlice: SliceMaker<'terminal'> = (set, get) => ({
  ...emptyScreen(),
  prompt: PS1,
  busy: false,
  ready: false,
  queued: 0,
  status: 'Starting the lab…',
  write: (kind, text) => set((s) => write(s, kind, text)),
  echo: (prompt, input, suffix) => {
    void loadSettle()
    set((s) => echoInput(s, prompt, input, suffix))
  },
  notice: (text, kind) => set((s) => notice(s, text, kind)),
  settle: (fromId, status, toId = get().nextId) => {
    if (status !== 0) return
    if (settling) set((s) => settling!.settle(s, fromId, 0, toId))
    else void loadSettle().then((m) => set((s) => m.settle(s, fromId, 0, toId)))
  },
  clear: () => set({ lines: [], partial: [] }),
  alternate: (on) =>
    set((s) => {
      if (on) return s.normal ? {} : { normal: { lines: s.lines, partial: s.partial }, lines: [], partial: [] }
      return s.normal ? { lines: s.normal.lines, partial: s.normal.partial, normal: undefined } : {}
    }),
  setLines: (lines, partial = []) =>
    set((s) => ({
      lines: lines.map((segs, i) => ({ id: s.nextId + i, segs })),
      partial,
      nextId: s.nextId + lines.length,
    })),
  set: (patch) => set(patch),
})
