// A program of the workstation's system (debianPrograms.ts) that the lab does not run: it says so,
// where bash's `command not found` would deny it exists. `help` leaves it out.

import type { CommandSpec } from '../types'

/** What to do instead, for a few a student reaches for (our own words). */
const INSTEAD: Readonly<Record<string, string>> = {
  // no file of the workstation is executable: ./script.sh says Permission denied
  chmod: "run a script with 'bash FILE'",
}

export function unsimulated(name: string): CommandSpec {
  const instead = Object.hasOwn(INSTEAD, name) ? `${INSTEAD[name]}; ` : ''
  return {
    name, summary: '', usage: name, unsimulated: true,
    async run(ctx) {
      ctx.stderr(`${name}: this program is not simulated in the lab; ${instead}'help' lists the commands it has\n`)
      return 126
    },
  }
}
