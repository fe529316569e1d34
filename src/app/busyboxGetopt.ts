// How busybox's applets read their options here: musl's getopt over single-letter flags.

import type { CommandContext } from '../shell/types'

/**
 * musl getopt over single-letter flags (`letters`; one followed by `:` takes a value, attached or the
 * next word): the set seen, each value, the operands; or the bad letter (`missing`: its value).
 */
export function flagsOf(args: string[], letters: string): AppletOptions | { bad: string; missing?: boolean } {
  const flags = new Set<string>()
  const order: string[] = []
  const values = new Map<string, string>()
  const operands: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') { operands.push(...args.slice(i + 1)); break }
    if (!a.startsWith('-') || a === '-') { operands.push(a); continue }
    for (let k = 1; k < a.length; k++) {
      const ch = a[k]
      const at = letters.indexOf(ch)
      if (ch === ':' || at < 0) return { bad: ch }
      flags.add(ch)
      order.push(ch)
      if (letters[at + 1] === ':') {
        if (k + 1 === a.length && i + 1 >= args.length) return { bad: ch, missing: true }
        values.set(ch, k + 1 < a.length ? a.slice(k + 1) : args[++i])
        break
      }
    }
  }
  return { flags, order, values, operands }
}

export interface AppletOptions {
  flags: Set<string>
  /** The flags in the order they came (getopt32's `a-b` overrides: the last one counts). */
  order: string[]
  values: Map<string, string>
  operands: string[]
}

/**
 * An applet's options as busybox takes them: `--help` prints its usage on standard error (status 0);
 * a bad option, or operands that `enough` refuses, print the option's message and the usage (status 1).
 */
export function appletOptions(ctx: CommandContext, applet: string, letters: string, usage: string, enough: (operands: number) => boolean): AppletOptions | number {
  if (ctx.argv[1] === '--help') {
    ctx.stderr(usage)
    return 0
  }
  const o = flagsOf(ctx.argv.slice(1), letters)
  if ('bad' in o || !enough(o.operands.length)) {
    const why = 'bad' in o ? `${applet}: ${o.missing ? 'option requires an argument' : 'unrecognized option'}: ${o.bad}\n` : ''
    ctx.stderr(`${why}${usage}`)
    return 1
  }
  return o
}
