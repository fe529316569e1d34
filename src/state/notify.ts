// When React hears of the store's changes. The terminal first: a command's output is drawn the
// moment it arrives (in a microtask of the message that brought it), up to EAGER_PER_FRAME times
// a frame (the echo, the output, the prompt); a longer stream of chunks then once per frame. The panels (timeline, decoder, lab
// views) hear once per task, and when the terminal has just drawn output, only after the frame
// that shows it: their renders never delay the output's paint.

import type { StoreApi } from 'zustand/vanilla'

type Listener<S> = (s: S, p: S) => void

/** Renders at once per frame before further changes wait for the frame. */
export const EAGER_PER_FRAME = 3

/** How long to wait for a frame before going on without one (a hidden tab has none); tests set it. */
export const frameTiming = { fallbackMs: 50 }

/** The next animation frame (before its paint), or a timer where frames do not come (a hidden tab, Node). */
export function beforeNextFrame(fn: () => void, fallbackMs = frameTiming.fallbackMs): void {
  let done = false
  const go = () => {
    if (done) return
    done = true
    fn()
  }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go)
  setTimeout(go, fallbackMs)
}

/** A task of its own, as soon as the event loop gets to it (a MessageChannel message; a timer without one). */
export function soonTask(): (fn: () => void) => void {
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined
  let queue: (() => void)[] = []
  if (channel) {
    channel.port1.onmessage = () => {
      const q = queue
      queue = []
      q.forEach((f) => f())
    }
  }
  return (fn) => {
    if (!channel) {
      setTimeout(fn, 0)
      return
    }
    queue.push(fn)
    channel.port2.postMessage(0)
  }
}

/** Per store: whether the terminal drew output in the frame being prepared (the panels then wait for it). */
const outputFrames = new WeakMap<object, { drawn: boolean }>()

const frameOf = (store: object) => {
  let f = outputFrames.get(store)
  if (!f) outputFrames.set(store, (f = { drawn: false }))
  return f
}

/** A view of `store` whose listeners hear only of changes where `part` changed: at once, then once a frame. */
export function eagerView<S>(store: StoreApi<S>, part: (s: S) => unknown): StoreApi<S> {
  const listeners = new Set<Listener<S>>()
  const frame = frameOf(store)
  let prev = store.getState()
  let scheduled = false
  /** Renders at once since the last frame. */
  let eager = 0
  const flush = () => {
    scheduled = false
    const s = store.getState()
    const p = prev
    prev = s
    if (part(s) === part(p)) return
    if (!frame.drawn) {
      frame.drawn = true
      beforeNextFrame(() => (frame.drawn = false))
    }
    listeners.forEach((l) => l(s, p))
  }
  store.subscribe((s) => {
    if (scheduled || part(s) === part(prev)) return
    scheduled = true
    if (eager >= EAGER_PER_FRAME) {
      beforeNextFrame(flush)
      return
    }
    if (eager++ === 0) beforeNextFrame(() => (eager = 0))
    queueMicrotask(flush)
  })
  return {
    ...store,
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
}

/** A view of `store` whose listeners hear once per task, however often it changed (after the output's frame, if any). */
export function batchedView<S>(store: StoreApi<S>): StoreApi<S> {
  const listeners = new Set<Listener<S>>()
  const frame = frameOf(store)
  const task = soonTask()
  let scheduled = false
  let prev = store.getState()
  const flush = () => {
    scheduled = false
    const s = store.getState()
    const p = prev
    prev = s
    listeners.forEach((l) => l(s, p))
  }
  const afterOutput = () => {
    // The terminal drew output for the coming frame: let it be painted first.
    if (frame.drawn) beforeNextFrame(() => task(flush))
    else flush()
  }
  store.subscribe(() => {
    if (scheduled) return
    scheduled = true
    task(afterOutput)
  })
  return {
    ...store,
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
}
