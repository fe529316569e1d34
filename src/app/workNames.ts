// Words for the kinds of scheduled work, for the one line `lab advance` prints. Only work a
// student can see is named (pods starting and stopping, tokens refreshed, pods scheduled);
// the controllers' internal syncs are left out of the line.

import { KubeletWorkWords } from '../cluster/kubelet/work'
import { SCHEDULE_POD } from '../cluster/scheduler/scheduler'

const NAMES: Record<string, [string, string]> = {
  ...KubeletWorkWords,
  [SCHEDULE_POD]: ['pod scheduled', 'pods scheduled'],
}

/** `ran 3 token refreshes, 1 pod removal` or `nothing fell due`. */
export function describeWork(ran: Record<string, number>): string {
  const parts = Object.entries(ran)
    .filter(([type, n]) => n > 0 && NAMES[type])
    .map(([type, n]) => `${n} ${NAMES[type][n === 1 ? 0 : 1]}`)
  return parts.length ? `ran ${parts.join(', ')}` : 'nothing fell due'
}
