// The `lab` command: the lab's own controls inside the shell (the clock, a reset, help).

import type { CommandContext, CommandSpec } from '../types'
import { formatLabDuration, parseLabDuration } from './duration'
import { formatAudit } from '../../cluster/audit/format'
import { LESSON_HELP, LESSON_SUBCOMMANDS, runLessonCommand } from './labLessons'
import { rfc3339 } from '../../common/time'

const HELP = `Usage: lab COMMAND

Controls of the lab itself (not part of Kubernetes):
  lab advance DURATION   move the lab clock forward (30s, 48m, 24h, 365d, 1h30m) and run
                         everything that falls due on the way: pod start-up, token refreshes,
                         graceful deletions, namespace clean-up
  lab now                print the lab time (RFC 3339, UTC)
  lab audit [N] [--all]  the API server's last N audit records (10 by default): who
                         asked for what, the answer, and why (the authenticator's or
                         RBAC's reason, stale tokens); people's requests only, unless
                         --all also shows the cluster's components (kubelets asking
                         for pod tokens, controllers)
  lab reset              start again from an empty cluster (same seed and start time);
                         your shell variables and files are reset too
${LESSON_HELP}  lab help               show this help
`

async function advance(ctx: CommandContext, arg: string | undefined): Promise<number> {
  if (arg === undefined) {
    ctx.stderr('lab advance: missing DURATION (for example: lab advance 48m)\n')
    return 2
  }
  const ms = parseLabDuration(arg)
  if (ms === undefined) {
    ctx.stderr(`lab advance: invalid duration "${arg}": use a number followed by s, m, h or d (30s, 48m, 24h, 365d)\n`)
    return 2
  }
  if (ms > 100 * 365 * 86_400_000) {
    ctx.stderr(`lab advance: ${arg} is more than a hundred years; advance at most 36500d at a time\n`)
    return 2
  }
  ctx.stdout(`${await ctx.lab.advance(ms)}\n`)
  return 0
}

export const labCommand: CommandSpec = {
  name: 'lab',
  summary: 'control the lab: move the clock, print the time, reset',
  usage: 'lab advance DURATION | lab now | lab audit [N] [--all] | lab reset | lab lessons | lab lesson ID | lab check | lab undo | lab help',
  subcommands: ['advance', 'now', 'audit', 'reset', ...LESSON_SUBCOMMANDS, 'help'],
  async run(ctx) {
    const [, sub, ...rest] = ctx.argv
    switch (sub) {
      case 'advance':
        if (rest.length > 1) {
          ctx.stderr('lab advance: too many arguments (one DURATION, for example 1h30m)\n')
          return 2
        }
        return advance(ctx, rest[0])
      case 'now':
        ctx.stdout(`${rfc3339(ctx.lab.now())}\n`)
        return 0
      case 'audit': {
        const all = rest.includes('--all')
        const args = rest.filter((a) => a !== '--all')
        const n = args[0] === undefined ? 10 : /^\d+$/.test(args[0]) ? Number(args[0]) : NaN
        if (Number.isNaN(n) || args.length > 1) {
          ctx.stderr(`lab audit: expected a number of records, got "${args.join(' ')}" (for example: lab audit 20)\n`)
          return 2
        }
        ctx.stdout(formatAudit(ctx.lab.audit?.() ?? [], n, all))
        return 0
      }
      case 'reset':
        await ctx.lab.reset()
        ctx.stdout('The lab was reset: a fresh cluster, clock back at its start time.\n')
        return 0
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        ctx.stdout(HELP)
        return 0
      default: {
        const status = await runLessonCommand(ctx, sub, rest)
        if (status !== undefined) return status
        ctx.stderr(`lab: unknown command "${sub}"\n${HELP}`)
        return 2
      }
    }
  },
}

export { formatLabDuration }
