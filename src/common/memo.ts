// Answers kept by their text: for pure functions that a hot path (every kubectl command) calls again
// with the same text, such as decoding the kubeconfig's certificate data.

/** `f` with its answers kept by argument, at most `size` of them (all forgotten when full); undefined answers too. */
export function memo<V>(f: (key: string) => V, size = 16): (key: string) => V {
  const known = new Map<string, V>()
  return (key) => {
    if (known.has(key)) return known.get(key) as V
    const value = f(key)
    if (known.size >= size) known.clear()
    known.set(key, value)
    return value
  }
}
