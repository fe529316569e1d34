// watch (procps-ng 4.0.2 src/watch.c): runs a command line through the shell and shows its output
// (stdout and stderr together) under a header line, `Every 2.0s: CMD` on the left and
// `HOST: DATE` (ctime of the lab clock) right-aligned to the terminal width, clipped by watch's
// own rules. Where the host paces commands (LabServices.pace: the page's worker) it is live, on
// the terminal's alternate screen as ncurses gives it: every interval it clears that screen and
// shows the command's output again, the lab clock moving by the interval each round, until Ctrl+C
// (status 0, as watch's SIGINT handler exits) or -g, -q or -e end it; then the screen from before
// comes back. (-e's message, which the real watch shows until a key is pressed, is said again
// there, since the lab does not wait for the key.) Without pacing (Node, transcripts, a background job) it shows one refresh and says
// so. Options are read with the shared getopt up to the first operand, as watch's "+..." does.

import type { CommandContext, CommandSpec } from '../types'
import { formatTime } from './strftime'
import { getopt } from './util'
import { liveRound } from '../liveRound'

const HELP = `Usage: watch [OPTION]... COMMAND
Run COMMAND (a shell command line) and show its output under a header line with the interval,
the command, the host name and the time.

In the lab's page watch refreshes every interval, moving the lab clock by the interval each
time, until Ctrl+C. Where nothing paces it (transcripts, a job started with &) it shows one
refresh and stops.

  -n, --interval SECS   seconds between refreshes, shown in the header (2 by default,
                        0.1 at least)
  -t, --no-title        no header line
  -x, --exec            run COMMAND's words as they are instead of through 'sh -c'
  -g, --chgexit         stop when the output changes
  -q, --equexit N       stop when the output has not changed for N refreshes
  -e, --errexit         stop (status 8) when the command fails
  -b, -c, -d, -p, -w    accepted; they change nothing in the lab
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

/** procps' long options, in the order of its table (an ambiguous prefix lists them in this order). */
const LONG: Record<string, boolean> = {
  beep: false, color: false, differences: false, errexit: false, chgexit: false, equexit: true, interval: true,
  precise: false, 'no-title': false, 'no-wrap': false, exec: false, help: false, version: false,
}
const ALIAS: Record<string, string> = {
  b: 'beep', c: 'color', d: 'differences', e: 'errexit', g: 'chgexit', q: 'equexit', n: 'interval', p: 'precise',
  t: 'no-title', w: 'no-wrap', x: 'exec', h: 'help', v: 'version',
}
const TABLE = { short: 'bcdeghn:pq:tvwx', long: LONG, alias: ALIAS, stopAtOperand: true, immediate: ['help', 'version'] }

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

/** A number as watch's strtod_nol_or_err reads it, or undefined. */
const secs = (v: string | undefined) => (v !== undefined && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : undefined)

export const watch: CommandSpec = {
  name: 'watch',
  summary: 'Run a command every few seconds and show its output under a header (live in the page).',
  usage: 'watch [-n SECS] [-t] [-x] [-g] [-e] COMMAND',
  async run(ctx) {
    const parsed = getopt(ctx.argv.slice(1), TABLE)
    if ('error' in parsed) return usageError(ctx, parsed.error)
    let interval = 2
    let title = true
    let exec = false
    const stop = { change: false, error: false, same: 0 }
    for (const { key, value } of parsed.opts) {
      if (key === 'help') {
        ctx.stdout(HELP)
        return 0
      }
      if (key === 'version') {
        ctx.stdout('watch from procps-ng 4.0.2\n')
        return 0
      }
      if (key === 'no-title') title = false
      else if (key === 'exec') exec = true
      else if (key === 'chgexit') stop.change = true
      else if (key === 'errexit') stop.error = true
      else if (key === 'interval' || key === 'equexit') {
        const n = secs(value)
        if (n === undefined) {
          ctx.stderr(`watch: failed to parse argument: '${value}': Invalid argument\n`)
          return 1
        }
        if (key === 'interval') interval = Math.max(0.1, n)
        else stop.same = Math.max(0, Math.trunc(n))
      }
    }
    const words = parsed.operands
    if (words.length === 0) {
      ctx.stderr(USAGE)
      return 1
    }
    if (!ctx.shell.runCaptured) {
      ctx.stderr('watch: this shell cannot run a command line for watch\n')
      return 1
    }
    const command = exec ? words.map(quoteWord).join(' ') : words.join(' ')
    const shown = words.join(' ')
    const columns = Number(ctx.env.get('COLUMNS'))
    const width = Number.isInteger(columns) && columns > 0 ? columns : 80
    const host = ctx.env.get('HOSTNAME') ?? 'workstation'
    const pace = ctx.lab.pace
    let previous: string | undefined
    let unchanged = 0
    // Live, watch draws on the terminal's alternate screen (ncurses' initscr): when it ends
    // (endwin, also on Ctrl+C), the screen from before it comes back and its refreshes go.
    if (pace) ctx.shell.alternateScreen(true)
    const FAILED = 'command exit with a non-zero status'
    let failed = false
    try {
      for (;;) {
        const { output, exitCode } = await ctx.shell.runCaptured(command, ctx.env)
        const ms = ctx.lab.now()
        const date = formatTime('%a %b %e %H:%M:%S %Y', { sec: Math.floor(ms / 1000), nsec: 0 })
        if (pace) ctx.shell.clearScreen()
        ctx.stdout((title ? `${watchHeader(interval, shown, host, date, width)}\n\n` : '') + output)
        if (stop.error && exitCode !== 0) {
          // The real watch shows this and waits for a key before it ends; the lab ends at once, with
          // watch's status, and says it again on the screen that stays (see below).
          failed = true
          ctx.stdout(`${output.endsWith('\n') || output === '' ? '' : '\n'}${FAILED}, press a key to exit\n`)
          return 8
        }
        if (stop.change && previous !== undefined && output !== previous) return 0
        unchanged = previous === output ? unchanged + 1 : 0
        if (stop.same > 0 && unchanged >= stop.same) return 0
        previous = output
        if (!pace) {
          ctx.stderr(`watch: the lab shows one refresh here (nothing paces it: a transcript or a job started with &); move the clock ('sleep ${Math.ceil(interval)}', 'lab advance 5m') and run it again to see what changed\n`)
          return 0
        }
        // Ctrl+C while waiting ends watch as its SIGINT handler does: status 0, the line goes on.
        if (!(await liveRound(ctx, pace, Math.round(interval * 1000)))) return 0
      }
    } finally {
      if (pace) {
        ctx.shell.alternateScreen(false)
        // with no key to wait for, the reason watch stopped stays in view
        if (failed) ctx.stdout(`${FAILED}\n`)
      }
    }
  },
}
