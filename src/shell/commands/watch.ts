// watch (procps-ng 4.0.2 src/watch.c): runs a command line through the shell and shows its output
// (stdout and stderr together) under a header line, `Every 2.0s: CMD` on the left and
// `HOST: DATE` (ctime of the lab clock) right-aligned to the terminal width, clipped by watch's
// own rules. The lab's shell answers a command line once and cannot redraw the screen, so this
// watch shows ONE refresh, as the real one looks during its first interval, and then says that it
// stops there (status 0). Options are read up to the first operand, as watch's getopt does.

import type { CommandContext, CommandSpec } from '../types'
import { formatTime } from './strftime'

const HELP = `Usage: watch [OPTION]... COMMAND
Run COMMAND (a shell command line) and show its output under a header line with the interval,
the command, the host name and the time.

In this lab watch shows one refresh and then stops: the terminal prints lines and cannot redraw
a screen. To see the output again later, move the clock first ('sleep 30', 'lab advance 5m')
and run watch (or the command) again.

  -n, --interval SECS   seconds between refreshes, shown in the header (2 by default,
                        0.1 at least)
  -t, --no-title        no header line
  -x, --exec            run COMMAND's words as they are instead of through 'sh -c'
  -b, -c, -d, -e, -g, -p, -w, -q N
                        accepted; with one refresh they change nothing
  -h, --help            show this help
  -v, --version         show the version
`

const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`

const LONG: Record<string, string> = {
  beep: 'b', color: 'c', differences: 'd', errexit: 'e', chgexit: 'g', equexit: 'q', interval: 'n', precise: 'p',
  'no-title': 't', 'no-wrap': 'w', exec: 'x', help: 'h', version: 'v',
}
const TAKES_VALUE = new Set(['n', 'q'])

const quoteWord = (s: string) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`)

/** The header line as watch draws it on a screen `width` columns wide. */
export function watchHeader(interval: number, command: string, host: string, date: string, width: number): string {
  const header = `Every ${interval.toFixed(1)}s: `
  const right = `${host}: ${date}`
  const hlen = header.length
  const rhlen = right.length + 1 // ctime's newline counts in watch's arithmetic
  if (width < rhlen) return ''
  const line = Array.from({ length: width }, () => ' ')
  const put = (col: number, text: string) => Array.from(text).forEach((ch, i) => { if (col + i < width) line[col + i] = ch })
  if (rhlen + hlen + 1 <= width) {
    put(0, header)
    if (rhlen + hlen + 2 <= width) {
      if (width < rhlen + hlen + 4) put(width - rhlen - 4, '... ')
      else if (width < rhlen + hlen + command.length) {
        put(hlen, command.slice(0, Math.max(0, width - rhlen - hlen - 4)))
        put(width - rhlen - 4, '... ')
      } else put(hlen, command)
    }
  }
  put(width - rhlen + 1, right)
  return line.join('').trimEnd()
}

function usageError(ctx: CommandContext, message: string): number {
  ctx.stderr(`watch: ${message}\n${USAGE}`)
  return 1
}

export const watch: CommandSpec = {
  name: 'watch',
  summary: 'Run a command and show its output under a header (one refresh in this lab).',
  usage: 'watch [-n SECS] [-t] [-x] COMMAND',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let interval = 2
    let title = true
    let exec = false
    let i = 0
    for (; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        i++
        break
      }
      if (!a.startsWith('-') || a === '-') break
      const letters: [string, string | undefined][] = []
      if (a.startsWith('--')) {
        const [name, inline] = a.slice(2).split(/=(.*)/s)
        const hits = Object.keys(LONG).filter((l) => l.startsWith(name))
        const full = name in LONG ? name : hits.length === 1 ? hits[0] : undefined
        if (!full) return usageError(ctx, `unrecognized option '${a}'`)
        const letter = LONG[full]
        if (TAKES_VALUE.has(letter) && inline === undefined) {
          if (i + 1 >= args.length) return usageError(ctx, `option '--${full}' requires an argument`)
          letters.push([letter, args[++i]])
        } else letters.push([letter, inline])
      } else {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]
          if (!'bcdeghnpqtvwx'.includes(c)) return usageError(ctx, `invalid option -- '${c}'`)
          if (TAKES_VALUE.has(c)) {
            const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
            if (v === undefined) return usageError(ctx, `option requires an argument -- '${c}'`)
            letters.push([c, v])
            break
          }
          letters.push([c, undefined])
        }
      }
      for (const [c, v] of letters) {
        if (c === 'h') {
          ctx.stdout(HELP)
          return 0
        }
        if (c === 'v') {
          ctx.stdout('watch from procps-ng 4.0.2\n')
          return 0
        }
        if (c === 't') title = false
        else if (c === 'x') exec = true
        else if (c === 'n' || c === 'q') {
          const n = v !== undefined && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN
          if (Number.isNaN(n)) {
            ctx.stderr(`watch: failed to parse argument: '${v}': Invalid argument\n`)
            return 1
          }
          if (c === 'n') interval = Math.max(0.1, n)
        }
      }
    }
    const words = args.slice(i)
    if (words.length === 0) {
      ctx.stderr(USAGE)
      return 1
    }
    const command = exec ? words.map(quoteWord).join(' ') : words.join(' ')
    const shown = words.join(' ')
    if (!ctx.shell.runCaptured) {
      ctx.stderr('watch: this shell cannot run a command line for watch\n')
      return 1
    }
    const { output } = await ctx.shell.runCaptured(command, ctx.env)
    const columns = Number(ctx.env.get('COLUMNS'))
    const width = Number.isInteger(columns) && columns > 0 ? columns : 80
    const host = ctx.env.get('HOSTNAME') ?? 'workstation'
    const ms = ctx.lab.now()
    const date = formatTime('%a %b %e %H:%M:%S %Y', { sec: Math.floor(ms / 1000), nsec: 0 })
    ctx.stdout((title ? `${watchHeader(interval, shown, host, date, width)}\n\n` : '') + output)
    ctx.stderr(`watch: the lab shows one refresh and stops here (it cannot redraw the screen every ${interval.toFixed(1)}s); move the clock ('sleep ${Math.ceil(interval)}', 'lab advance 5m') and run it again to see what changed\n`)
    return 0
  },
}
