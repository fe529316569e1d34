// Pod addresses from the node's /24, in order, never two pods on one address.
// Imitates: containernetworking/plugins host-local IPAM (allocates after the last reserved address).

import type { KubeletState } from './state'

/** `10.200.0.0/24` -> the address with host part `n`. */
function addressIn(cidr: string, n: number): string {
  const [base] = cidr.split('/')
  const parts = base.split('.')
  return `${parts[0]}.${parts[1]}.${parts[2]}.${n}`
}

export function allocateIP(state: KubeletState['ipam'], podCIDR: string, podUID: string): string | undefined {
  if (state.byPod[podUID]) return state.byPod[podUID]
  const used = new Set(Object.values(state.byPod))
  // .1 is the gateway, .255 broadcast: hosts .2 to .254
  for (let i = 0; i < 253; i++) {
    const n = ((state.last - 2 + 1 + i) % 253) + 2
    const ip = addressIn(podCIDR, n)
    if (!used.has(ip)) {
      state.last = n
      state.byPod[podUID] = ip
      return ip
    }
  }
  return undefined
}

export function releaseIP(state: KubeletState['ipam'], podUID: string): void {
  delete state.byPod[podUID]
}
