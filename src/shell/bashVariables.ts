// The variables bash sets for itself as it starts: its version, the machine's type, who runs it,
// how deep it is started in other bashes, and for an interactive shell its history file. Also the
// dynamic ones that give a new value at each reading ($SECONDS, $EPOCHSECONDS, $SRANDOM; params.ts
// reads $BASHPID and $_).
// The workstation is Debian 12's bash 5.2.15 run by root; a bash started from it (`bash -c`) sets
// its own, one level deeper, with the starting shell as its parent.
// Imitates: bash/variables.c (initialize_shell_variables, the dynamic variables) and shell.c.

import type { ShellEnv } from './types'
import type { Runtime } from './runtime'
import { IndexedArray } from './indexedArray'
import { setArray } from './arrays'

export const BASH_VERSION = '5.2.15(1)-release'
const MACHTYPE = 'x86_64-pc-linux-gnu'
const VERSINFO = ['5', '2', '15', '1', 'release', MACHTYPE]

export interface BashStart {
  /** $BASH: the path it was started by (the word typed when it had a slash, else where PATH finds bash). */
  path: string
  /** The process that started it ($PPID). */
  ppid: number
  /** The terminal's shell (its history file), not `bash -c`. */
  interactive: boolean
  /** $SHLVL as bash found it in its environment, raised by one (the shell keeps it when it is already set). */
  raiseLevel: boolean
}

/** Names bash makes read-only, and those that hold integers (`declare -p` shows -i). */
const READONLY = ['BASH_VERSINFO', 'EUID', 'PPID', 'UID']
const INTEGER = ['BASHPID', 'EUID', 'OPTIND', 'PPID', 'SECONDS', 'SRANDOM', 'UID']

/**
 * Give `env` bash's own variables (only those it lacks, so that a saved lab keeps its values) and
 * mark the read-only and integer ones in `rt`.
 */
export function startBash(env: ShellEnv, rt: Runtime, start: BashStart): void {
  const fill = (name: string, value: string) => {
    if (env.get(name) === undefined) env.set(name, value)
  }
  fill('BASH', start.path)
  fill('BASH_VERSION', BASH_VERSION)
  fill('HOSTTYPE', 'x86_64')
  fill('MACHTYPE', MACHTYPE)
  fill('OSTYPE', 'linux-gnu')
  fill('OPTERR', '1')
  fill('OPTIND', '1')
  fill('PS4', '+ ')
  fill('UID', '0')
  fill('EUID', '0')
  // (bash sets PPID at each start, whatever a saved lab held)
  env.set('PPID', String(start.ppid))
  if (!env.array('BASH_VERSINFO')) setArray(env, 'BASH_VERSINFO', IndexedArray.list(VERSINFO))
  if (!env.array('GROUPS')) setArray(env, 'GROUPS', IndexedArray.list(['0']))
  if (start.interactive) {
    // (the terminal's login shell expands aliases; a script does not unless it says so)
    rt.shopts.add('expand_aliases')
    rt.shopts.add('login_shell')
    fill('HISTFILE', `${env.get('HOME') ?? '/root'}/.bash_history`)
    fill('HISTFILESIZE', '500')
    fill('HISTSIZE', '500')
  }
  const level = env.get('SHLVL')
  if (start.raiseLevel || level === undefined) {
    const n = level !== undefined && /^\s*[0-9]+\s*$/.test(level) ? Number(level) + 1 : 1
    env.set('SHLVL', String(n))
  }
  env.export('SHLVL')
  for (const n of READONLY) rt.readonly.add(n)
  for (const n of INTEGER) rt.integer.add(n)
}

/** What the dynamic variables read: the lab's clock and a generator of their own. */
export interface DynamicSource {
  /** Lab time, ms since the epoch. */
  now(): number
  /** Lab time when the shell started. */
  startedMs: number
  /** A 32-bit random number ($SRANDOM; bash's comes from getrandom, this one from a fixed seed). */
  random32(): number
}

/** The dynamic variables of a bash started at lab time `now()`. */
export function dynamicSource(now: () => number): DynamicSource {
  let x = 0x9e3779b9
  return {
    now,
    startedMs: now(),
    random32: () => {
      // xorshift32
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      return x >>> 0
    },
  }
}

/** A dynamic variable's value; undefined for other names. */
export function dynamicVariable(name: string, src: DynamicSource): string | undefined {
  switch (name) {
    case 'SECONDS':
      return String(Math.max(0, Math.floor((src.now() - src.startedMs) / 1000)))
    case 'EPOCHSECONDS':
      return String(Math.floor(src.now() / 1000))
    case 'EPOCHREALTIME': {
      const ms = src.now()
      return `${Math.floor(ms / 1000)}.${String(Math.floor(ms % 1000) * 1000).padStart(6, '0')}`
    }
    case 'SRANDOM':
      return String(src.random32())
  }
  return undefined
}
