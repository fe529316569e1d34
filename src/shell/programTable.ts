// Which programs a shell remembers in its table (hashTable.ts): one found on PATH as it runs (with
// a hit), and in ash and dash each command of a pipeline before the pipeline forks (their eval.c
// prehash: the shell that runs the pipeline learns them, where bash learns them in the subshells).

import type { Command, Pipeline } from './parser/ast'
import type { ExecHost } from './executor'
import type { Runtime } from './runtime'
import type { ShellEnv } from './types'
import { isBuiltinOf } from './builtins/describe'
import { programPaths } from './builtins/bind'

export interface TableHost {
  rt: Runtime
  functions: Map<string, Command>
  host: ExecHost
}

/** NAME into the table: `ran`, with a hit, as it runs; else without one. Builtins, functions and paths never. */
export function remember(h: TableHost, name: string, env: ShellEnv, ran: boolean): void {
  if (name.includes('/') || !h.rt.options.has('hashall') || isBuiltinOf(h.host.dialect, name)) return
  if (!ran && h.functions.has(name)) return
  const table = h.rt.hash.under(env.get('PATH'))
  if (!ran && table.has(name)) return
  const path = programPaths(h.host, name)[0]
  if (path === undefined) return
  if (ran) table.ran(name, path)
  else table.put(name, path)
}

/** ash's and dash's prehash: each simple command of the pipeline whose first word is a plain name. */
export function prehash(h: TableHost, p: Pipeline, env: ShellEnv): void {
  if (h.host.dialect === 'bash') return
  for (const c of p.commands) {
    const first = c.kind === 'simple' ? c.words[0]?.raw : undefined
    if (first !== undefined && /^[A-Za-z_]\w*$/.test(first)) remember(h, first, env, false)
  }
}

/**
 * What `time` reports when its pipeline ends (`seconds` of real time): bash's TIMEFORMAT, or -p's
 * POSIX form. The lab spends no CPU time a shell could measure, so user and sys are 0.
 */
export function timeReport(timed: NonNullable<Pipeline['timed']>, seconds: number): string {
  if (timed === 'posix') return `real ${seconds.toFixed(2)}\nuser 0.00\nsys 0.00\n`
  const bash = (x: number) => `${Math.floor(x / 60)}m${(x % 60).toFixed(3)}s`
  return `\nreal\t${bash(seconds)}\nuser\t${bash(0)}\nsys\t${bash(0)}\n`
}
