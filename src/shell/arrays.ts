// bash's indexed arrays (`a=(x y)`, `a[3]=z`, `${a[1]}`, `"${a[@]}"`, `${#a[@]}`, `${!a[@]}`,
// `read -a`, `declare -a`/`-p`, `unset 'a[1]'`). Each of the shell's variable scopes keeps an array
// as an IndexedArray under a key of its own (a name no variable can have), so that functions,
// subshells and prefix assignments see it as they see any variable; a saved lab holds it as JSON
// under that key. The variable of the same name holds element 0, which is what `$a` gives in bash.
// Imitates: bash/arrayfunc.c and variables.c (indexed arrays only: no associative ones).

import type { ShellEnv } from './types'
import { declareQuote } from './builtins/host'
import { IndexedArray } from './indexedArray'
import { AssocArray } from './assocArray'

export { IndexedArray }

/** Where an array's elements are kept: no variable name starts with NUL. */
export const ARRAY_KEY = '\u0000['

/** Is this one of the keys arrays are kept under (left out of listings)? */
export const isArrayKey = (key: string) => key.startsWith(ARRAY_KEY)

/** The array's elements by index (not to be changed), or undefined when `name` is no array. */
export const arrayOf = (env: ShellEnv, name: string): IndexedArray | undefined => env.array(name)

/** Keep `elements` as the array `name`; its element 0 becomes the variable's value (unset without one). */
export function setArray(env: ShellEnv, name: string, elements: ReadonlyMap<number, string>): void {
  const a = elements instanceof IndexedArray ? elements : IndexedArray.of(elements)
  env.putArray(name, a)
  firstToVariable(env, name, a)
}

/**
 * The array `name` to change in place: this scope's own, copied into it first when it is inherited
 * (a subshell's changes stay its own), or a new one made from the variable (`v[1]=x` keeps `$v` as
 * element 0). Call firstToVariable after changing element 0.
 */
export function writableArray(env: ShellEnv, name: string): IndexedArray {
  const own = env.ownArray(name)
  if (own) return own
  const a = new IndexedArray()
  const v = env.get(name)
  if (v !== undefined) a.set(0, v)
  env.putArray(name, a)
  return a
}

/** The variable `name` follows the array's element 0. */
export function firstToVariable(env: ShellEnv, name: string, a: IndexedArray): void {
  const first = a.get(0)
  if (first !== undefined) env.set(name, first)
  else if (env.get(name) !== undefined) env.unset(name)
}

/** `declare -a NAME` of a name with no value: an array with no elements, which declare -p shows without `=()`. */
export function declareEmptyArray(env: ShellEnv, name: string): void {
  const a = new IndexedArray()
  a.bare = true
  env.putArray(name, a)
}

/** `unset a`: the array goes with the variable. */
export function unsetArray(env: ShellEnv, name: string): void {
  if (env.array(name) || env.assoc(name)) env.unset(ARRAY_KEY + name)
}

/** The array's elements, or the variable as an array of one (bash: `${v[0]}` and `${v[@]}` of a plain variable). Not to be changed. */
export function elementsOf(env: ShellEnv, name: string): IndexedArray {
  const arr = env.array(name)
  if (arr) return arr
  const v = env.get(name)
  return v === undefined ? new IndexedArray() : IndexedArray.list([v])
}

/**
 * An element's index from its subscript's value: negative counts back from the end (bash's max
 * index + 1). Undefined for a bad subscript, which a negative one always is in a read of a plain
 * variable (`plain`).
 */
export function resolveIndex(elements: IndexedArray, index: bigint, plain = false): number | undefined {
  if (index >= 0n) return index > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(index)
  if (plain) return undefined
  const i = elements.next + Number(index)
  return i < 0 ? undefined : i
}

/** An array's value as `set` and `declare -p` show it: `([0]="x" [1]="y")`. */
export const arrayValue = (elements: IndexedArray): string =>
  `(${elements.sorted().map(([i, v]) => `[${i}]=${declareQuote(v)}`).join(' ')})`

/** `declare -p` of an array: `declare -a a=([0]="x" [1]="y")`, `declare -A m=([k]="v" )`. */
export function declareArray(name: string, elements: IndexedArray | AssocArray, flags: string): string {
  const kind = elements instanceof AssocArray ? 'A' : 'a'
  if (elements.bare) return `declare -${kind}${flags} ${name}\n`
  return `declare -${kind}${flags} ${name}=${elements instanceof AssocArray ? assocValue(elements) : arrayValue(elements)}\n`
}

/** Every variable's and array's name the scope sees, sorted (the listings of `set` and `declare -p`). */
export const variableNames = (env: ShellEnv): string[] =>
  [...new Set([...Object.keys(env.all?.() ?? env.exported()), ...(env.arrayNames?.() ?? [])])].sort()

/**
 * How a saved lab holds an array: `[[index, value], ...]` in index order, `null` for a bare
 * declaration; an associative one as `{"assoc": [[key, value], ...]}` in the order its keys went in.
 */
export function arrayText(a: IndexedArray | AssocArray): string {
  if (a instanceof AssocArray) return JSON.stringify({ assoc: a.bare ? null : a.inserted() })
  return a.bare ? 'null' : JSON.stringify(a.sorted())
}

/** An array from a saved lab's text (untrusted: what is not an element is left out, a broken one reads as empty). */
export function arrayFromText(text: string): IndexedArray | AssocArray {
  let pairs: unknown
  try {
    pairs = JSON.parse(text)
  } catch {
    return new IndexedArray()
  }
  if (pairs === null) {
    const a = new IndexedArray()
    a.bare = true
    return a
  }
  if (typeof pairs === 'object' && !Array.isArray(pairs) && 'assoc' in pairs) {
    const { assoc } = pairs as { assoc: unknown }
    const a = AssocArray.of(Array.isArray(assoc) ? assoc.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string') : [])
    a.bare = assoc === null
    return a
  }
  if (!Array.isArray(pairs)) return new IndexedArray()
  return IndexedArray.of(pairs.filter((p): p is [number, string] => Array.isArray(p) && Number.isSafeInteger(p[0]) && p[0] >= 0 && typeof p[1] === 'string'))
}

/** The associative array `name` to change in place (this scope's own, copied into it when inherited). */
export function writableAssoc(env: ShellEnv, name: string): AssocArray {
  return env.ownAssoc(name) ?? (() => {
    const a = new AssocArray()
    env.putArray(name, a)
    return a
  })()
}

/** The variable `name` follows the associative array's key "0" (`$m` is `${m[0]}` in bash). */
export function assocToVariable(env: ShellEnv, name: string, a: AssocArray): void {
  const zero = a.get('0')
  if (zero !== undefined) env.set(name, zero)
  else if (env.get(name) !== undefined) env.unset(name)
}

/** A key as declare -p and ${m[@]@K} print it: bare when plain, else in double quotes (`@` alone too, as bash's assoc_to_assign). */
export const keyText = (key: string): string => (/^[A-Za-z0-9_.,:+@%^/-]+$/.test(key) && key !== '@' ? key : declareQuote(key))

/** An associative array's value as `set` and `declare -p` show it: `([k]="v" [k2]="v2" )`, `()` when empty. */
export const assocValue = (a: AssocArray): string =>
  a.size === 0 ? '()' : `(${a.ordered().map(([k, v]) => `[${keyText(k)}]=${declareQuote(v)} `).join('')})`
