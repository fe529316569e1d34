// Between the lab's edit requests and the page's editor: the lab is given `requestEdit` as soon as
// it starts, and the editor (a lazily loaded panel) attaches when it mounts. A request made before
// then (nano typed at once after the page opened) waits for the editor instead of failing.

import type { EditRequest } from '../shell/types'

type Handler = (request: EditRequest) => Promise<string | undefined>

let handler: Handler | undefined
const waiting: { request: EditRequest; resolve(text: string | undefined): void }[] = []

export function requestEdit(request: EditRequest): Promise<string | undefined> {
  if (handler) return handler(request)
  return new Promise((resolve) => waiting.push({ request, resolve }))
}

/** The editor takes the requests (those waiting first); returns the function that detaches it. */
export function attachEditor(h: Handler): () => void {
  handler = h
  for (const w of waiting.splice(0)) void h(w.request).then(w.resolve)
  return () => {
    if (handler === h) handler = undefined
  }
}
