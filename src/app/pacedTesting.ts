// For tests: run a command line on a lab whose host paces live commands (LabOptions.pace, as the
// page's worker sets it): each wait says yes until `stopAt` waits, when it says no (Ctrl+C).

import type { Lab } from './lab'
import type { RunResult } from '../shell/types'

export async function pacedRun(lab: Lab, line: string, stopAt = Infinity): Promise<RunResult & { waits: number }> {
  let waits = 0
  const host = lab as Lab & { pace?: (ms: number) => Promise<boolean> }
  host.pace = async () => ++waits < stopAt
  try {
    return { ...(await lab.run(line)), waits }
  } finally {
    host.pace = undefined
  }
}
