// The assignment words before a command (`A=1 B=$A cmd`, `PATH+=:/opt`): each expanded in turn,
// `+=` appending to the variable's value (adding, for an integer variable, as bash does); alone on
// the line they change the shell at once, left to right. Also what `set -x` shows of them: bash
// shows `NAME+=VALUE` for an assignment alone, and the whole new value before a command.

import type { Assignment } from './parser/ast'
import { expandString, type ExpandContext } from './expand'
import { evalArithmetic } from './arith'
import type { ShellEnv } from './types'

export interface AssignedWords {
  /** Each name and its new value. */
  values: [string, string][]
  /** What `set -x` prints for them. */
  shown: [string, string][]
}

/**
 * Expand `assignments`; when they stand alone (`alone`), `assign` sets each at once (it returns
 * false when the line must stop). Undefined when it did.
 */
export async function assignWords(
  assignments: Assignment[], ctx: ExpandContext, env: ShellEnv, alone: boolean, integer: (name: string) => boolean,
  assign: (name: string, value: string) => boolean,
): Promise<AssignedWords | undefined> {
  const values: [string, string][] = []
  const shown: [string, string][] = []
  for (const a of assignments) {
    const word = await expandString(a.value.parts, ctx)
    let value = word
    if (a.append) {
      const current = env.get(a.name) ?? ''
      const sum = integer(a.name) ? evalArithmetic(`${current || '0'}+(${word || '0'})`, env) : undefined
      value = sum === undefined ? current + word : typeof sum === 'string' ? word : String(sum)
    }
    values.push([a.name, value])
    shown.push(a.append && alone ? [`${a.name}+`, word] : [a.name, value])
    if (alone && !assign(a.name, value)) return undefined
  }
  return { values, shown }
}
