// busybox sleep in a container: its operands and messages (busybox.ts), and waiting moves the lab
// clock as the workstation's sleep does (`kubectl exec app -- sleep 30` takes 30 s of lab time).

import { busyboxSleep } from '../cluster/kubelet/exec/busybox'
import type { CommandSpec } from '../shell/types'
import { sleepLabTime } from '../shell/commands/sleep'

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
    return sleepLabTime(ctx, r.seconds, ctx.argv.slice(1))
  },
}
