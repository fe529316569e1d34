// Words for the kinds of scheduled work, for the one line `lab advance` prints.

const NAMES: Record<string, [string, string]> = {}

/** Register how a work type is named in `lab advance`'s summary (singular, plural). */
export function nameWork(type: string, singular: string, plural = `${singular}s`) {
  NAMES[type] = [singular, plural]
}

function words(type: string): [string, string] {
  if (NAMES[type]) return NAMES[type]
  // `kubelet.refreshToken` -> `kubelet refresh token`
  const w = type.replace(/[._]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return [w, w]
}

/** `3 token refreshes, 1 pod deletion` or `nothing fell due`. */
export function describeWork(ran: Record<string, number>): string {
  const parts = Object.entries(ran)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${n} ${words(type)[n === 1 ? 0 : 1]}`)
  return parts.length ? `ran ${parts.join(', ')}` : 'nothing fell due'
}
