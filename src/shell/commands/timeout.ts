// timeout (coreutils 9.1 src/timeout.c) on the workstation: run a program and stop it once DURATION
// has passed. In the lab time is the lab clock's: the program runs with a clock that goes no further
// than the deadline; when it would (a sleep, a kubectl wait, a live kubectl get -w or logs -f), it
// is stopped there, and timeout says 124 (or 128 + the signal with --preserve-status, 137 for KILL).
// A program that ends first gives its own status. DURATION 0 sets no limit.
// Imitates: timeout.c's options ("+k:s:v", --preserve-status, --foreground), its words for a bad
// interval or signal, status 125 for its own errors and 127 for a program it cannot run; a program is
// what the workstation has as a file (a shell builtin such as cd is none).

import type { CommandContext, CommandSpec, LabServices } from '../types'
import { coreutilsFooter, coreutilsVersion, getopt, has, lastValue } from './util'
import { sleepSeconds } from './sleep'
import { commandPaths } from './which'
import { COREUTILS_AUTHORS } from './coreutilsVersion'
import { ProgramTimedOut } from '../limits'

const HELP = `Usage: timeout [OPTION] DURATION COMMAND [ARG]...
  or:  timeout [OPTION]
Run COMMAND, and stop it if it is still running after DURATION (in the lab: of lab time).

  -k, --kill-after=DURATION  send KILL that long after the first signal, if the
                               command still runs (in the lab it never does)
  -s, --signal=SIGNAL        the signal to send when time is up (TERM by default):
                               a name such as KILL or a number
  -v, --verbose              say on standard error when the signal is sent
      --preserve-status      exit with the command's status even when it timed out
      --foreground           accepted; the lab has no process groups to leave
      --help        display this help and exit
      --version     output version information and exit

DURATION is a number with an optional s (seconds), m, h or d; 0 sets no limit.
The status is 124 when the command timed out, 125 when timeout itself failed,
126 when the command cannot run, 127 when it cannot be found, else the command's.
${coreutilsFooter('timeout')}`

/** The signals by name and number (Linux x86-64), for -s. */
const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15,
  STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
}

/** The signal -s names: its name (without SIG) and number, or undefined. */
function signalOf(s: string): { name: string; n: number } | undefined {
  if (/^\d+$/.test(s)) {
    const n = Number(s)
    const name = Object.keys(SIGNALS).find((k) => SIGNALS[k] === n) ?? (n >= 34 && n <= 64 ? `RTMIN+${n - 34}` : undefined)
    return name && n > 0 ? { name, n } : undefined
  }
  const name = s.toUpperCase().replace(/^SIG/, '')
  return SIGNALS[name] !== undefined && s.replace(/^SIG/, '') === name ? { name, n: SIGNALS[name] } : undefined
}


/** The lab as the program sees it: its clock stops at `deadline`, and going past it ends the program. */
function clockUntil(lab: LabServices, deadline: number): LabServices {
  const left = () => deadline - lab.now()
  const capped: LabServices = Object.create(lab)
  capped.advance = async (ms, paced) => {
    if (ms <= left()) return lab.advance(ms, paced)
    if (left() > 0) await lab.advance(left(), paced)
    throw new ProgramTimedOut()
  }
  capped.waitUntil = async (done, timeoutMs) => {
    if (timeoutMs <= left()) return lab.waitUntil(done, timeoutMs)
    if (await lab.waitUntil(done, Math.max(0, left()))) return true
    throw new ProgramTimedOut()
  }
  return capped
}

const usage = (ctx: CommandContext, message?: string) => {
  ctx.stderr(`${message ? `timeout: ${message}\n` : ''}Try 'timeout --help' for more information.\n`)
  return 125
}

export const timeout: CommandSpec = {
  name: 'timeout',
  summary: 'Run a command, and stop it once a time of the lab clock has passed (status 124).',
  usage: 'timeout [OPTION] DURATION COMMAND [ARG]...',
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), {
      short: 'k:s:v',
      long: { 'kill-after': true, signal: true, verbose: false, 'preserve-status': false, foreground: false, help: false, version: false },
      alias: { k: 'kill-after', s: 'signal', v: 'verbose' },
      stopAtOperand: true,
      immediate: ['help', 'version'],
    })
    if ('error' in p) return usage(ctx, p.error)
    if (has(p, 'help') || has(p, 'version')) {
      ctx.stdout(has(p, 'help') ? HELP : coreutilsVersion('timeout', COREUTILS_AUTHORS.timeout))
      return 0
    }
    const sigArg = lastValue(p, 'signal')
    const signal = sigArg === undefined ? { name: 'TERM', n: 15 } : signalOf(sigArg)
    if (!signal) return usage(ctx, `'${sigArg}': invalid signal`)
    const kill = lastValue(p, 'kill-after')
    if (kill !== undefined && sleepSeconds(kill) === undefined) return usage(ctx, `invalid time interval '${kill}'`)
    if (p.operands.length < 2) return usage(ctx)
    const [duration, name, ...args] = p.operands
    const seconds = sleepSeconds(duration)
    if (seconds === undefined) return usage(ctx, `invalid time interval '${duration}'`)
    const spec = ctx.shell.commands().find((s) => s.name === name.slice(name.lastIndexOf('/') + 1))
    if (!spec || spec.missing || commandPaths(spec.name, () => true).length === 0) {
      ctx.stderr(`timeout: failed to run command '${name}': No such file or directory\n`)
      return 127
    }
    const lab = seconds > 0 ? clockUntil(ctx.lab, ctx.lab.now() + Math.ceil(seconds * 1000)) : ctx.lab
    try {
      const status = await spec.run({ ...ctx, lab, argv: [spec.name, ...args] })
      return Number.isInteger(status) ? status & 0xff : 1
    } catch (e) {
      if (!(e instanceof ProgramTimedOut)) throw e
      if (has(p, 'verbose')) ctx.stderr(`timeout: sending signal ${signal.name} to command '${name}'\n`)
      return has(p, 'preserve-status') || signal.n === 9 ? 128 + signal.n : 124
    }
  },
}
