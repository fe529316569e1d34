// One round of a live command (`watch`, `kubectl get -w`, `logs -f`, `attach`): `ms` of wall time,
// which the host paces, then the same lab time, told to the lab as a paced round (LabServices.advance).
import type { CommandContext } from './types'

/** False when Ctrl+C ended the wait (the command then ends as its SIGINT handling says). */
export async function liveRound(ctx: Pick<CommandContext, 'lab' | 'signal'>, pace: (ms: number) => Promise<boolean>, ms = 1000): Promise<boolean> {
  if (!(await pace(ms))) return false
  await ctx.lab.advance(ms, true)
  ctx.signal?.throwIfAborted()
  return true
}
