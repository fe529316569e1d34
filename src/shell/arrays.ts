// bash's indexed arrays (`a=(x y)`, `a[3]=z`, `${a[1]}`, `"${a[@]}"`, `${#a[@]}`, `${!a[@]}`,
// `read -a`, `declare -a`/`-p`, `unset 'a[1]'`). An array keeps its elements under a key of its own
// in the shell's variables (a name no variable can have), so that functions, subshells, prefix
// assignments and saved labs carry it as they carry any variable; the variable of the same name
// holds element 0, which is what `$a` gives in bash.
// Imitates: bash/arrayfunc.c and variables.c (indexed arrays only: no associative ones).

import type { ShellEnv } from './types'
import { declareQuote } from './builtins/host'

/** Where an array's elements are kept: no variable name starts with NUL. */
export const ARRAY_KEY = '\u0000['
const keyOf = (name: string) => ARRAY_KEY + name

/** Is this one of the keys arrays are kept under (left out of listings)? */
export const isArrayKey = (key: string) => key.startsWith(ARRAY_KEY)

/** The array's elements by index, or undefined when `name` is no array. */
export function arrayOf(env: ShellEnv, name: string): Map<number, string> | undefined {
  const text = env.get(keyOf(name))
  if (text === undefined) return undefined
  try {
    const pairs = JSON.parse(text) as unknown
    if (!Array.isArray(pairs)) return new Map()
    return new Map(pairs.filter((p): p is [number, string] => Array.isArray(p) && Number.isSafeInteger(p[0]) && p[0] >= 0 && typeof p[1] === 'string'))
  } catch {
    // (a saved lab is untrusted input: a broken array reads as an empty one)
    return new Map()
  }
}

/** Keep `elements` as the array `name`; its element 0 becomes the variable's value (unset without one). */
export function setArray(env: ShellEnv, name: string, elements: Map<number, string>): void {
  env.set(keyOf(name), JSON.stringify([...elements].sort((a, b) => a[0] - b[0])))
  const first = elements.get(0)
  if (first !== undefined) env.set(name, first)
  else if (env.get(name) !== undefined) env.unset(name)
}

/** `declare -a NAME` of a name with no value: an array with no elements, which declare -p shows without `=()`. */
export function declareEmptyArray(env: ShellEnv, name: string): void {
  env.set(keyOf(name), 'null')
}

/** Declared with -a and never given an element? */
export const declaredOnly = (env: ShellEnv, name: string) => env.get(keyOf(name)) === 'null'

/** `unset a`: the array goes with the variable. */
export function unsetArray(env: ShellEnv, name: string): void {
  if (env.get(keyOf(name)) !== undefined) env.unset(keyOf(name))
}

/** The array's elements, or the variable as an array of one (bash: `${v[0]}` and `${v[@]}` of a plain variable). */
export function elementsOf(env: ShellEnv, name: string): Map<number, string> {
  const arr = arrayOf(env, name)
  if (arr) return arr
  const v = env.get(name)
  return v === undefined ? new Map() : new Map([[0, v]])
}

/** One past the highest index (0 for no elements): where `a+=(x)` puts x. */
export function nextIndex(elements: Map<number, string>): number {
  let top = -1
  for (const i of elements.keys()) if (i > top) top = i
  return top + 1
}

/** An element's index from its subscript's value: negative counts back from the end (bash's max index + 1). */
export function resolveIndex(elements: Map<number, string>, index: bigint): number | undefined {
  if (index >= 0n) return index > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(index)
  const i = nextIndex(elements) + Number(index)
  return i < 0 ? undefined : i
}

/** `declare -p` of an array: `declare -a a=([0]="x" [1]="y")`. */
export function declareArray(name: string, elements: Map<number, string>, flags: string): string {
  const body = [...elements].sort((a, b) => a[0] - b[0]).map(([i, v]) => `[${i}]=${declareQuote(v)}`).join(' ')
  return `declare -a${flags} ${name}=(${body})\n`
}
