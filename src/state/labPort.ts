// What the terminal needs from the lab: the shape of `Lab` in src/app/lab.ts, seen from the UI.
// Declared here (structurally) so that state/ does not import app/; the real Lab satisfies it.

import type { OutputChunk, RunResult } from '../shell/types'

export type { OutputChunk, RunResult }

export interface TerminalLab {
  run(line: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult>
  advance(duration: string | number): Promise<string>
  now(): string
  nowMs(): number
  snapshot(): unknown
  needsMoreInput(text: string): boolean
  complete(text: string, cursor: number): { from: number; candidates: string[] }
  history(): string[]
  onClear(cb: () => void): void
  /** The shell's working directory (the prompt shows it). */
  cwd?(): string
  readonly seed?: string
}
