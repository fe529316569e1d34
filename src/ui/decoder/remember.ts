// The decoder's selection survives a reload: the token shown and whether it is pinned are kept
// in the browser's local storage (the token is the lab's own, made up; nothing leaves the page).

import type { AppStore } from '../../state/store'

const KEY = 'token-lab.decoder'

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/** Restore the decoder's token, then keep it saved; returns the unsubscribe. */
export function rememberDecoderSelection(store: AppStore): () => void {
  const ls = storage()
  if (!ls) return () => {}
  try {
    const saved = JSON.parse(ls.getItem(KEY) ?? 'null') as { token?: unknown; pinned?: unknown } | null
    const sel = store.getState().selection
    if (saved && typeof saved.token === 'string' && saved.token.length < 20_000 && sel.token === undefined) {
      sel.selectToken(saved.token)
      sel.setPinned(saved.pinned === true)
    }
  } catch {
    // an unreadable entry is dropped below
  }
  let last = ''
  return store.subscribe((s) => {
    const text = JSON.stringify({ token: s.selection.token, pinned: s.selection.pinned === true })
    if (text === last) return
    last = text
    try {
      ls.setItem(KEY, text)
    } catch {
      // full or forbidden: the selection is simply not kept
    }
  })
}
