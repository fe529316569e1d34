// sleep (coreutils 9.1 src/sleep.c): NUMBER[SUFFIX]... summed, where NUMBER is what C's strtod
// reads (decimals, exponents, hex floats, inf) and SUFFIX one of s, m, h, d; the errors as
// coreutils prints them. In the lab, waiting moves the lab clock: sleep advances it by the sum
// (running the work that falls due, as `lab advance` and `kubectl wait` do) and returns at once.

import type { CommandContext, CommandSpec } from '../types'
import { coreutilsVersion, getopt } from './util'
import { strtodPrefix } from '../../common/cFloat'

const HELP = `Usage: sleep NUMBER[SUFFIX]...
  or:  sleep OPTION
Wait for NUMBER seconds; SUFFIX may be s (seconds, the default), m (minutes), h (hours) or
d (days), and NUMBER may have a fraction. With several arguments, wait for their sum.

In this lab, sleeping moves the lab clock forward by that much, running everything that falls
due on the way (pods starting, tokens refreshed), and then returns at once, like 'lab advance'
without its report. 'sleep infinity' and waits of more than 36500d are refused.

      --help        display this help and exit
      --version     output version information and exit
`

const VERSION = coreutilsVersion('sleep', 'Jim Meyering and Paul Eggert')

const MAX_MS = 100 * 365 * 86_400_000
const SUFFIX: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

/** Seconds for one operand, or undefined where coreutils says "invalid time interval". */
export function sleepSeconds(arg: string): number | undefined {
  const r = strtodPrefix(arg)
  if (!r || !(r.value >= 0) || r.rest.length > 1 || !(r.rest in SUFFIX)) return undefined
  return r.value * SUFFIX[r.rest]
}

function fail(ctx: CommandContext, lines: string[]): number {
  ctx.stderr(lines.map((l) => `sleep: ${l}\n`).join('') + "Try 'sleep --help' for more information.\n")
  return 1
}

export const sleep: CommandSpec = {
  name: 'sleep',
  summary: 'Wait a while: moves the lab clock forward by the time given (5, 30s, 2m, 1h).',
  usage: 'sleep NUMBER[SUFFIX]...',
  async run(ctx) {
    // coreutils' parse_gnu_standard_options_only: --help and --version (acted on at once, so
    // `sleep --help -x` prints the help), options may follow operands, `--` ends them.
    const parsed = getopt(ctx.argv.slice(1), { short: '', long: { help: false, version: false }, immediate: ['help', 'version'] })
    if ('error' in parsed) return fail(ctx, [parsed.error])
    const last = parsed.opts[parsed.opts.length - 1]
    if (last) {
      ctx.stdout(last.key === 'help' ? HELP : VERSION)
      return 0
    }
    const operands = parsed.operands
    // As coreutils counts argc: `sleep --` has an argument, no operand, and sleeps for nothing.
    if (ctx.argv.length === 1) return fail(ctx, ['missing operand'])
    let seconds = 0
    const bad: string[] = []
    for (const o of operands) {
      const s = sleepSeconds(o)
      if (s === undefined) bad.push(`invalid time interval '${o}'`)
      else seconds += s
    }
    if (bad.length) return fail(ctx, bad)
    return sleepLabTime(ctx, seconds, operands)
  },
}

/**
 * The wait itself, for this sleep and the containers' (busybox) one: the lab clock moves by
 * `seconds`; more than a hundred years (or forever) is refused with the lab's message.
 */
export async function sleepLabTime(ctx: CommandContext, seconds: number, operands: readonly string[]): Promise<number> {
  const ms = Math.ceil(seconds * 1000)
  if (!(ms <= MAX_MS)) {
    ctx.stderr(`sleep: ${operands.join(' ')}: the lab clock moves at most 36500d (a hundred years) at a time, and a sleep that never ends would never come back\n`)
    return 1
  }
  if (ms > 0) await ctx.lab.advance(ms)
  return 0
}
