// The terminal's Decode actions (and the token finder they use) load right after the first
// render instead of with it: no line can hold a token before the lab has started in its worker.
// Until then lines render without the action; they render again once it has loaded.

import { useSyncExternalStore } from 'react'

type DecodeModule = typeof import('../decoder/DecodeAction')

let loaded: DecodeModule | undefined
let loading: Promise<DecodeModule> | undefined
const listeners = new Set<() => void>()

export function loadDecode(): Promise<DecodeModule> {
  loading ??= import('../decoder/DecodeAction').then((m) => {
    loaded = m
    listeners.forEach((l) => l())
    return m
  })
  return loading
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb)
  void loadDecode()
  return () => listeners.delete(cb)
}

/** The Decode actions' module, once loaded (the caller renders again then). */
export function useDecode(): DecodeModule | undefined {
  return useSyncExternalStore(subscribe, () => loaded, () => undefined)
}
