// Measuring elements without forcing the browser to lay the page out.

import { useLayoutEffect, type DependencyList, type RefObject } from 'react'
import { flushSync } from 'react-dom'

interface Watch {
  read(el: Element): unknown
  apply(value: unknown): void
}

const watches = new Map<Element, Watch>()
let observer: ResizeObserver | undefined

/** Every element's reading first, then every state change at once: no reading after a change. */
function laidOut(entries: ResizeObserverEntry[]): void {
  const read: [Watch, unknown][] = []
  for (const e of entries) {
    const w = watches.get(e.target)
    if (w) read.push([w, w.read(e.target)])
  }
  flushSync(() => {
    for (const [w, v] of read) w.apply(v)
  })
}

/**
 * Reads an element (`read`) where the browser has laid the page out anyway, in a ResizeObserver's
 * callback: the first as soon as the element is laid out (before that frame is painted), then after
 * every change of its size; then `apply`s the reading, rendered at once (flushSync) so that frame
 * shows it. Read in a layout effect instead, sizes and computed styles force a style and layout
 * pass of the whole page in the middle of React's commit: the timeline's measures at mount took 50
 * to 340 ms while the panels loaded, one long task in which a command typed meanwhile waited. One
 * observer for all the elements, so that all of them are read before any state changes.
 */
export function useLaidOut<T>(ref: RefObject<HTMLElement | null>, read: (el: HTMLElement) => T, apply: (value: T) => void, deps: DependencyList): void {
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    observer ??= new ResizeObserver(laidOut)
    watches.set(el, { read: (e) => read(e as HTMLElement), apply: (v) => apply(v as T) })
    observer.observe(el)
    return () => {
      observer?.unobserve(el)
      watches.delete(el)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when read and apply change
  }, deps)
}
