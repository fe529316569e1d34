// The decoder follows the newest token the terminal printed, unless the student pinned one:
// a store subscription that looks only at lines added since it last looked (and at the
// unfinished last line, where `cat …/token` leaves a token without a final newline). When it
// starts, it takes the newest token printed so far if the decoder shows none.

import { findJwts } from '../jwt/text'
import type { Segment, TermLine } from './lines'
import type { AppStore } from './store'

const printed = (segs: readonly Segment[]): string[] => segs.filter((s) => s.kind === 'out' || s.kind === 'err').flatMap((s) => findJwts(s.text))

/** The newest JWT printed in the lines after line id `afterId`, or in the unfinished line. */
export function newestJwt(lines: readonly TermLine[], partial: readonly Segment[], afterId: number): string | undefined {
  const last = printed(partial).at(-1)
  if (last) return last
  for (let i = lines.length - 1; i >= 0 && lines[i].id > afterId; i--) {
    const found = printed(lines[i].segs).at(-1)
    if (found) return found
  }
  return undefined
}

/** Select each newly printed token in the decoder unless it is pinned; returns the unsubscribe. */
export function followNewestToken(store: AppStore): () => void {
  let t = store.getState().terminal
  let seen = t.lines.at(-1)?.id ?? 0
  let partial = t.partial
  let followed: string | undefined
  // Tokens printed before this subscription (commands run while the panels were still loading):
  // the newest one, when the decoder shows none yet.
  const sel0 = store.getState().selection
  const earlier = newestJwt(t.lines, t.partial, -1)
  if (earlier && !sel0.pinned && sel0.token === undefined) {
    followed = earlier
    sel0.selectToken(earlier)
  }
  return store.subscribe((s) => {
    t = s.terminal
    const lastId = t.lines.at(-1)?.id ?? 0
    if (lastId === seen && t.partial === partial) return
    const jwt = newestJwt(t.lines, t.partial === partial ? [] : t.partial, seen)
    seen = lastId
    partial = t.partial
    const sel = s.selection
    // The same token again (its unfinished line finished by the next prompt) is not news.
    if (!jwt || jwt === followed) return
    followed = jwt
    if (!sel.pinned && sel.token !== jwt) sel.selectToken(jwt)
  })
}
