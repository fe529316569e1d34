// A container's `sh -c` script that sleeps between its commands, taken apart so that the lab can
// run it over lab time (scriptSteps.ts): `echo one; sleep 5; echo two`, or a loop that prints and
// sleeps, such as Kubernetes' logging example
// `i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done`. What each part prints goes
// into the container's log at the time it runs, as in a real container.
//
// Only the plain shapes are taken: commands joined by `;` or newlines, each `sleep` a command of
// its own with a literal duration, and at most one `while true` (or `while :`) loop, at the end.
// Anything else (a sleep inside an `if`, `sleep $N`, a job in the background, `exit`, a `for`
// loop) gives undefined: the container then runs as before (program.ts openingScript).

import type { Container } from '../api/core'
import { base, LONG_SLEEP_MS, mainArgv, readsStdin, SHELLS, sleepMs } from './program'

/** Commands to run together, or a pause (ms). */
export type Step = { run: string } | { sleepMs: number }

export interface SteppedScript {
  steps: Step[]
  /** Where the loop's body begins (after the last step, the script goes on from there); absent: the script ends after its last step. */
  loopFrom?: number
  /** One round of the loop: the sleeps of its body (ms). */
  roundMs?: number
}

/** Words after which a shell reads a command (so the next word may be a reserved word). */
const LEADS = new Set(['then', 'do', 'else', 'elif', '{', '(', '!', 'time'])
const OPENS = new Set(['if', 'case', 'for', 'while', 'until', 'select', '{'])
const CLOSES = new Set(['fi', 'esac', 'done', '}'])

/**
 * The script's commands at its top level (split at `;` and newlines outside quotes, substitutions
 * and compound commands), or undefined when its quotes or compound commands do not close.
 */
export function topLevelCommands(text: string): string[] | undefined {
  const out: string[] = []
  let start = 0
  const open: string[] = [] // compound commands open (if ... fi, while ... done, case ... esac, { ... })
  let parens = 0 // ( ) and $( ) open
  let atCommand = true // the next word is in command position
  let i = 0
  const cut = (end: number) => {
    const s = text.slice(start, end).trim()
    if (s !== '') out.push(s)
  }
  while (i < text.length) {
    const ch = text[i]
    if (ch === '\\') { i += 2; atCommand = false; continue }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1)
      if (end < 0) return undefined
      i = end + 1
      atCommand = false
      continue
    }
    if (ch === '"' || ch === '`') {
      let j = i + 1
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1
      if (j >= text.length) return undefined
      i = j + 1
      atCommand = false
      continue
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++
      continue
    }
    if (ch === '(') { parens++; i++; atCommand = true; continue }
    if (ch === ')') {
      // a case pattern's end, or a subshell's or substitution's
      if (parens === 0 && open[open.length - 1] === 'case') { i++; atCommand = true; continue }
      if (--parens < 0) return undefined
      i++
      atCommand = false
      continue
    }
    if ((ch === ';' || ch === '\n') && text[i + 1] !== ';') {
      if (open.length === 0 && parens === 0) { cut(i); start = i + 1 }
      i++
      atCommand = true
      continue
    }
    if (ch === '&' || ch === '|' || ch === ';') { i++; atCommand = true; continue }
    if (/\s/.test(ch)) { i++; continue }
    // a word: a reserved word only where a command begins
    let j = i
    while (j < text.length && !/[\s;&|()<>'"`\\]/.test(text[j])) j++
    const word = text.slice(i, Math.max(j, i + 1))
    if (atCommand && OPENS.has(word)) open.push(word)
    else if (atCommand && CLOSES.has(word) && open.pop() === undefined) return undefined
    atCommand = LEADS.has(word) || (atCommand && (OPENS.has(word) || CLOSES.has(word)))
    i = Math.max(j, i + 1)
  }
  if (open.length !== 0 || parens !== 0) return undefined
  cut(text.length)
  return out
}

/** A command that is a literal `sleep` (busybox durations), its ms; undefined for any other command. */
function literalSleep(command: string): number | 'forever' | undefined {
  const m = /^sleep((?:\s+[\w.]+)+)$/.exec(command)
  if (!m) return undefined
  const ms = sleepMs(m[1].trim().split(/\s+/))
  return ms === 'invalid' ? undefined : ms === 'forever' || ms > LONG_SLEEP_MS ? 'forever' : ms
}

/** What the lab cannot step through (it would wait, leave a job behind or end the script early). */
const UNSTEPPABLE = /(^|[^\w-])(sleep|exit|exec|wait|read|trap|kill)([^\w-]|$)|(^|[^&<>])&([^&>]|$)/

/** The commands between sleeps, each group one run step; undefined when a command cannot be stepped. */
function stepsOf(commands: string[]): Step[] | undefined {
  const steps: Step[] = []
  for (const c of commands) {
    const sleep = literalSleep(c)
    if (sleep === 'forever') return undefined
    if (sleep !== undefined) { steps.push({ sleepMs: sleep }); continue }
    if (UNSTEPPABLE.test(c)) return undefined
    const last = steps[steps.length - 1]
    if (last && 'run' in last) last.run += `\n${c}`
    else steps.push({ run: c })
  }
  return steps
}

const LOOP = /^while\s+(?:true|:)\s*(?:;|\n)\s*do\s([\s\S]*)(?:;|\n)\s*done$/

/**
 * The shortest round of a loop the lab steps through (ms): ten rounds a second. A shorter one
 * (`sleep 0.001`) would keep the lab's thread busy while the clock runs at real speed.
 */
export const MIN_ROUND_MS = 100

/** The script of a `sh -c SCRIPT` container, taken apart (undefined: not one the lab steps through). */
export function steppedScript(c: Pick<Container, 'image' | 'command' | 'args' | 'stdin'>): SteppedScript | undefined {
  const argv = mainArgv(c)
  if (!SHELLS.has(base(argv[0] ?? '')) || argv[1] !== '-c' || argv.length !== 3 || (c.stdin && readsStdin(argv))) return undefined
  const commands = topLevelCommands(argv[2])
  if (!commands || commands.length === 0) return undefined
  const last = commands[commands.length - 1]
  const loop = LOOP.exec(last)
  const before = stepsOf(loop ? commands.slice(0, -1) : commands)
  if (!before) return undefined
  if (!loop) {
    // something must come after a sleep, or there is nothing to step through
    const firstSleep = before.findIndex((s) => 'sleepMs' in s)
    return firstSleep >= 0 && before.slice(firstSleep).some((s) => 'run' in s) ? { steps: before } : undefined
  }
  const bodyCommands = topLevelCommands(loop[1])
  const body = bodyCommands && stepsOf(bodyCommands)
  if (!body) return undefined
  const roundMs = body.reduce((n, s) => n + ('sleepMs' in s ? s.sleepMs : 0), 0)
  // a loop that never sleeps would print without end at one instant, one that hardly sleeps nearly so: not stepped
  if (roundMs < MIN_ROUND_MS || !body.some((s) => 'run' in s)) return undefined
  return { steps: [...before, ...body], loopFrom: before.length, roundMs }
}
