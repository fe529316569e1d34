// When React hears of the store's changes. The terminal first: a command's output is drawn the
// moment it arrives, in a microtask of the message that brought it, without waiting for the
// panels. A stream of chunks is then drawn once per turn of the event loop (the chunks queued
// meanwhile together), as before. The panels (timeline, decoder, lab views) hear once per task,
// in a task of their own after the output was drawn. No timers and no animation frames: a page
// whose clock is paused (tests) or hidden still shows its output.

import type { StoreApi } from 'zustand/vanilla'

type Listener<S> = (s: S, p: S) => void

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

function view<S>(store: StoreApi<S>, listeners: Set<Listener<S>>): StoreApi<S> {
  return {
    ...store,
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
}

/**
 * A view of `store` whose listeners hear only of changes where `part` changed: in a microtask
 * when the last notice was a turn of the event loop ago, else once the tasks queued meanwhile
 * (further chunks of output) have run.
 */
export function eagerView<S>(store: StoreApi<S>, part: (s: S) => unknown): StoreApi<S> {
  const listeners = new Set<Listener<S>>()
  const task = soonTask()
  let prev = store.getState()
  let scheduled = false
  /** A notice went out and the event loop has not come round since. */
  let recent = false
  const flush = () => {
    scheduled = false
    const s = store.getState()
    const p = prev
    prev = s
    if (part(s) === part(p)) return
    if (!recent) {
      recent = true
      task(() => {
        recent = false
        if (scheduled) flush()
      })
    }
    listeners.forEach((l) => l(s, p))
  }
  store.subscribe((s) => {
    if (scheduled || part(s) === part(prev)) return
    scheduled = true
    if (!recent) queueMicrotask(flush)
  })
  return view(store, listeners)
}

/** A view of `store` whose listeners hear once per task, however often it changed. */
export function batchedView<S>(store: StoreApi<S>): StoreApi<S> {
  const listeners = new Set<Listener<S>>()
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
  store.subscribe(() => {
    if (scheduled) return
    scheduled = true
    task(flush)
  })
  return view(store, listeners)
}
