// A program of the workstation's system (debianPrograms.ts) that the lab does not run: it says so,
// where bash's `command not found` would deny it exists. `help` leaves it out.

import type { CommandSpec } from '../types'

export function unsimulated(name: string): CommandSpec {
  return {
    name, summary: '', usage: name, unsimulated: true,
    async run(ctx) {
      ctx.stderr(`${name}: this program is not simulated in the lab; 'help' lists the commands it has\n`)
      return 126
    },
  }
}
