// The kinds of scheduled work the kubelet registers (ctx.clock.schedule(at, type, data)).
// Every item's data carries `node` (which kubelet) and `uid` (which pod); see clock/dueWork.ts.

import type { KubeletWorkType } from '../clock/dueWork'

export const KubeletWork = {
  /** First status, volume SetUp (token request), sandbox IP, Pulling: T+1 s. */
  startPod: 'kubelet.startPod',
  /** Pulled, Created, Started: T+4 s (T+2 s when the image is already present). */
  startContainers: 'kubelet.startContainers',
  /** Running and Ready status: one second after the containers started. */
  podReady: 'kubelet.podReady',
  /** Killing events as soon as deletion is seen. */
  killPod: 'kubelet.killPod',
  /** End of the grace period: containers gone, pod object removed. */
  removePod: 'kubelet.removePod',
  /** A pod whose containers end or whose image fails: its next transition (podSync.ts). */
  syncPod: 'kubelet.syncPod',
  /** A container's stepped main script: its sleep is over, its next commands run (scriptSteps.ts). */
  scriptStep: 'kubelet.scriptStep',
} as const satisfies Record<string, KubeletWorkType>

/**
 * Token refreshes are not scheduled work: the token manager computes them from the schedule
 * when a token is looked at (TokenManager.walk). `lab advance` counts them under this name.
 */
export const TOKEN_REFRESHES = 'kubelet.refreshToken'

export type { KubeletWorkType }

/** Words for `lab advance` (singular, plural), for whoever names the work. */
export const KubeletWorkWords: Record<KubeletWorkType | typeof TOKEN_REFRESHES, [string, string]> = {
  'kubelet.startPod': ['pod start', 'pod starts'],
  'kubelet.startContainers': ['container start', 'container starts'],
  'kubelet.podReady': ['pod ready', 'pods ready'],
  'kubelet.killPod': ['pod stop', 'pod stops'],
  'kubelet.removePod': ['pod removal', 'pod removals'],
  'kubelet.syncPod': ['pod sync', 'pod syncs'],
  'kubelet.scriptStep': ['script step', 'script steps'],
  'kubelet.refreshToken': ['token refresh', 'token refreshes'],
}
