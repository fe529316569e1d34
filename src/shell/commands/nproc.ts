// nproc in a container: the processors the process may run on, which are the node's (a pod with a
// CPU limit is throttled, not given fewer processors). GNU's (coreutils 9.1, Debian images) and
// busybox's (busybox-based images).
// (Not the workstation's: what its machine has is not the lab's to say, so nproc stays not simulated
// there, and its --version is here, not in coreutilsVersion.ts's table of the workstation's programs.)
// Imitates: coreutils 9.1 src/nproc.c with gnulib's num_processors (OMP_NUM_THREADS, its first
// number, and OMP_THREAD_LIMIT override the count unless --all; --ignore=N subtracts, leaving at least
// 1) and busybox 1.36.1 coreutils/nproc.c (getopt32long "\xfe:+": --all and --ignore=N, operands
// ignored; no OMP_ variables).

import type { CommandContext, CommandSpec } from '../types'
import { coreutilsFooter, coreutilsVersion, getopt, has, lastValue, usageError } from './util'

const HELP = `Usage: nproc [OPTION]...
Print how many processors this process may run on.

      --all       the processors installed, whatever may be used
      --ignore=N  N fewer, but at least 1
      --help        display this help and exit
      --version     output version information and exit
${coreutilsFooter('nproc')}`

/** The first number of an OMP_ variable (`3,2`: 3), when it is a positive integer. */
const omp = (v: string | undefined) => {
  const m = /^\s*(\d+)\s*(?:,|$)/.exec(v ?? '')
  return m && Number(m[1]) > 0 ? Number(m[1]) : undefined
}

/** GNU nproc on a machine with `cpus` processors. */
export function gnuNproc(cpus: number): CommandSpec {
  return {
    name: 'nproc', summary: 'Print how many processors this process may run on.', usage: 'nproc [OPTION]...',
    async run(ctx: CommandContext) {
      const p = getopt(ctx.argv.slice(1), { short: '', long: { all: false, ignore: true, help: false, version: false }, immediate: ['help', 'version'] })
      if ('error' in p) return usageError(ctx, 'nproc', p.error)
      if (has(p, 'help') || has(p, 'version')) {
        ctx.stdout(has(p, 'help') ? HELP : coreutilsVersion('nproc', 'Giuseppe Scrivano'))
        return 0
      }
      if (p.operands.length) return usageError(ctx, 'nproc', `extra operand '${p.operands[0]}'`)
      const ignore = lastValue(p, 'ignore')
      if (ignore !== undefined && !/^\s*\+?\d+$/.test(ignore)) {
        ctx.stderr(`nproc: invalid number: '${ignore}'\n`)
        return 1
      }
      let n = cpus
      if (!has(p, 'all')) {
        const want = omp(ctx.env.get('OMP_NUM_THREADS'))
        const limit = omp(ctx.env.get('OMP_THREAD_LIMIT'))
        if (want !== undefined) n = want
        if (limit !== undefined && n > limit) n = limit
      }
      ctx.stdout(`${Math.max(1, n - Number(ignore ?? 0))}\n`)
      return 0
    },
  }
}

/** busybox nproc on a machine with `cpus` processors; `usage`: its usage text. */
export function busyboxNproc(cpus: number, usage: string): CommandSpec {
  return {
    name: 'nproc', summary: 'nproc', usage: 'nproc',
    async run(ctx: CommandContext) {
      if (ctx.argv[1] === '--help') {
        ctx.stderr(usage)
        return 0
      }
      let ignore = 0
      const args = ctx.argv.slice(1)
      for (let i = 0; i < args.length; i++) {
        const a = args[i]
        if (!a.startsWith('--') || a === '--') {
          if (a === '--' || !a.startsWith('-')) break
          ctx.stderr(`nproc: unrecognized option: ${a[1]}\n${usage}`)
          return 1
        }
        const [name, value] = a.slice(2).split(/=(.*)/s)
        const found = ['ignore', 'all'].filter((k) => k.startsWith(name))
        if (found.length !== 1) {
          ctx.stderr(`nproc: ${found.length ? 'option is ambiguous' : 'unrecognized option'}: ${a.slice(2)}\n${usage}`)
          return 1
        }
        if (found[0] === 'all') continue
        const v = value ?? args[++i]
        if (v === undefined) {
          ctx.stderr(`nproc: option requires an argument: ignore\n${usage}`)
          return 1
        }
        if (!/^\d+$/.test(v)) {
          ctx.stderr(`nproc: invalid number '${v}'\n`)
          return 1
        }
        ignore = Number(v)
      }
      ctx.stdout(`${Math.max(1, cpus - ignore)}\n`)
      return 0
    },
  }
}
