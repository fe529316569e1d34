// Test helpers for the shell (not used by the app): a fake LabServices and a fresh shell.

import type { LabServices } from './types'
import { Shell } from './shell'
import { createWorkstation, WORKSTATION_BASH } from './workstation'

export function fakeLab(start = Date.UTC(2026, 4, 24, 10, 0, 0)): LabServices {
  let now = start
  return {
    api: async () => ({ status: 501, headers: {}, body: '' }),
    now: () => now,
    advance: async (ms) => {
      now += ms
      return `advanced ${ms}ms`
    },
    waitUntil: async (done) => done(),
    reset: async () => {
      now = start
    },
  }
}

export function newShell(files: Record<string, string> = {}, opts: { histexpand?: boolean } = {}): Shell {
  const { fs, env } = createWorkstation()
  for (const [k, v] of Object.entries(files)) fs.writeFile(k, v)
  const sh = new Shell({ fs, env, lab: fakeLab(), bash: WORKSTATION_BASH })
  // The differential tests run the real bash on their lines non-interactively, where `!` is not
  // expanded from the history: the workstation's interactive expansion is off here unless asked for.
  if (!opts.histexpand) sh.historyExpansion(false)
  return sh
}
