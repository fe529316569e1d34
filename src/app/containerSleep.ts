// busybox sleep in a container: its operands and messages (busybox.ts), and waiting moves the lab
// clock as the workstation's sleep does (`kubectl exec app -- sleep 30` takes 30 s of lab time).

import { busyboxSleep } from '../cluster/kubelet/exec/busybox'
import type { CommandSpec } from '../shell/types'

/** At most a hundred years of lab time at once, as the workstation's sleep. */
const MAX_MS = 100 * 365 * 86_400_000

export const containerSleep: CommandSpec = {
  name: 'sleep',
  summary: 'busybox sleep: moves the lab clock forward by the time given.',
  usage: 'sleep [N]...',
  async run(ctx) {
    const r = busyboxSleep(ctx.argv.slice(1))
    if (!('seconds' in r)) {
      ctx.stdout(r.stdout)
      ctx.stderr(r.stderr)
      return r.exitCode
    }
    const ms = Math.ceil(r.seconds * 1000)
    if (!(ms <= MAX_MS)) {
      ctx.stderr(`sleep: ${ctx.argv.slice(1).join(' ')}: the lab clock moves at most 36500d (a hundred years) at a time, and a sleep that never ends would never come back\n`)
      return 1
    }
    if (ms > 0) await ctx.lab.advance(ms)
    return 0
  },
}
