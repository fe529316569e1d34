// Shared read-only values: a cache hands the same object to every reader, frozen all the way
// down so that a reader that changed it would fail at once instead of changing it for the others.

/** Freezes `o` and everything reachable from it; returns it. */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    for (const v of Object.values(o)) deepFreeze(v)
    Object.freeze(o)
  }
  return o
}
