// The assignment words before a command (`A=1 B=$A cmd`, `PATH+=:/opt`): each expanded in turn,
// `+=` appending to the variable's value (adding, for an integer variable, as bash does); alone on
// the line they change the shell at once, left to right. Also what `set -x` shows of them: bash
// shows `NAME+=VALUE` for an assignment alone, and the whole new value before a command.

import type { Assignment, Word, WordPart } from './parser/ast'
import { ExpansionError, expandString, expandWords, type ExpandContext } from './expand'
import { parseArithmeticText } from './parser/parser'
import { IndexedArray, assocToVariable, elementsOf, firstToVariable, resolveIndex, setArray, writableArray, writableAssoc } from './arrays'
import { AssocArray } from './assocArray'
import { singleQuote } from './builtins/host'
import { FunctionScope } from './compoundExec'
import { evalArithmetic } from './arith'
import type { ShellEnv } from './types'

export interface AssignedWords {
  /** Each name and its new value. */
  values: [string, string][]
  /** What `set -x` prints for them (xtraceLines). */
  shown: [string, string, true?][]
}

/**
 * Expand `assignments`; when they stand alone (`alone`), `assign` sets each at once (it returns
 * false when the line must stop). Undefined when it did.
 */
export async function assignWords(
  assignments: Assignment[], ctx: ExpandContext, env: ShellEnv, alone: boolean, integer: (name: string) => boolean,
  assign: (name: string, value: string) => boolean, locked: (name: string) => boolean = () => false,
): Promise<AssignedWords | undefined> {
  const values: [string, string][] = []
  const shown: [string, string, true?][] = []
  for (const a of assignments) {
    if (a.array || a.index !== undefined) {
      // an array, or one of its elements: set at once (before a command too, where bash would keep it for the command)
      if (locked(a.name)) throw new ExpansionError(`${a.name}: readonly variable`, undefined, true)
      const shownAs = await assignArray(a, ctx, env)
      if (shownAs === undefined) return undefined
      shown.push(shownAs)
      continue
    }
    const word = await expandString(a.value.parts, ctx)
    let value = word
    if (a.append) {
      const current = env.get(a.name) ?? ''
      const sum = integer(a.name) ? evalArithmetic(`${current || '0'}+(${word || '0'})`, env) : undefined
      value = sum === undefined ? current + word : typeof sum === 'string' ? word : String(sum)
    }
    values.push([a.name, value])
    shown.push(a.append && alone ? [`${a.name}+`, word] : [a.name, value])
    if (alone && !assign(a.name, value)) return undefined
    // a plain assignment to an array sets its element 0
    if (alone && env.array(a.name)) writableArray(env, a.name).set(0, env.get(a.name) ?? value)
  }
  return { values, shown }
}

/** `NAME=(...)`, `NAME+=(...)`, `NAME[I]=V`, `NAME[I]+=V`; what `set -x` shows, or undefined after an error. */
async function assignArray(a: Assignment, ctx: ExpandContext, env: ShellEnv): Promise<[string, string, true?] | undefined> {
  if (env.assoc(a.name)) return assignAssoc(a, ctx, env)
  if (a.array) {
    const els = a.append ? writableArray(env, a.name) : new IndexedArray()
    // each word goes at the index after the one before; `[SUBSCRIPT]=VALUE` says where (and is not split)
    let next = els.next
    for (const w of a.array) {
      const keyed = keyedElement(w)
      if (!keyed) {
        for (const field of await expandWords([w], ctx)) els.set(next++, field)
        continue
      }
      const sub = evalArithmetic(await expandString(keyed.key, ctx), env)
      if (typeof sub === 'string') throw new ExpansionError(sub, undefined, true)
      const index = resolveIndex(els, sub)
      if (index === undefined) {
        ctx.warn?.(`bash: ${w.raw}: bad array subscript\n`)
        continue
      }
      els.set(index, await expandString(keyed.value, ctx))
      next = index + 1
    }
    if (a.append) firstToVariable(env, a.name, els)
    else setArray(env, a.name, els)
    // (set -x shows the words as typed)
    return [`${a.name}${a.append ? '+' : ''}`, `(${a.array.map((w) => w.raw).join(' ')})`, true]
  }
  const sub = evalArithmetic(await expandString(parseArithmeticText(a.index ?? '0'), ctx), env)
  if (typeof sub === 'string') throw new ExpansionError(sub, undefined, true)
  const index = resolveIndex(elementsOf(env, a.name), sub)
  if (index === undefined) throw new ExpansionError(`${a.name}[${a.index}]: bad array subscript`, undefined, true)
  const word = await expandString(a.value.parts, ctx)
  const els = writableArray(env, a.name)
  els.set(index, a.append ? (els.get(index) ?? '') + word : word)
  if (index === 0) firstToVariable(env, a.name, els)
  return [`${a.name}[${a.index}]${a.append ? '+' : ''}`, word]
}

/**
 * A declaration builtin with array arguments (`declare -a a=(1 2)`, `local b=(x)`, `readonly c=(y)`):
 * the arrays are assigned before the builtin runs, except where it makes the names local (local, or
 * declare in a function), where they are assigned after it, in the new local variables.
 */
export async function declareWithArrays(
  arrays: Assignment[], argv: string[], env: ShellEnv, ctx: ExpandContext, run: () => Promise<number>, locked: (name: string) => boolean,
): Promise<number> {
  const makesLocal = argv[0] === 'local' || ((argv[0] === 'declare' || argv[0] === 'typeset') && env instanceof FunctionScope && !argv.includes('-g'))
  // (declare -A m=(...): m is associative before its elements go in)
  if (!makesLocal && argv.some((w) => /^-[a-zA-Z]*A/.test(w))) for (const a of arrays) if (!env.array(a.name) && !env.assoc(a.name)) env.putArray(a.name, new AssocArray())
  const assignAll = async () => {
    for (const a of arrays) {
      if (locked(a.name)) throw new ExpansionError(`${a.name}: readonly variable`, undefined, true)
      await assignArray(a, ctx, env)
    }
  }
  if (!makesLocal) await assignAll()
  const status = await run()
  if (makesLocal && status === 0) await assignAll()
  return status
}

/** A word `[SUBSCRIPT]=VALUE` of `NAME=(...)` (its `[` unquoted): the subscript's parts and the value's. */
function keyedElement(word: Word): { key: WordPart[]; value: WordPart[] } | undefined {
  const [first, ...rest] = word.parts
  if (first?.kind !== 'lit' || first.quoted || !first.text.startsWith('[')) return undefined
  for (let i = 0; i < word.parts.length; i++) {
    const p = word.parts[i]!
    if (p.kind !== 'lit' || p.quoted) continue
    const at = p.text.indexOf(']=', i === 0 ? 1 : 0)
    if (at < 0) continue
    if (i === 0) return { key: [{ ...first, text: first.text.slice(1, at) }], value: [{ ...first, text: first.text.slice(at + 2) }, ...rest] }
    return {
      key: [{ ...first, text: first.text.slice(1) }, ...word.parts.slice(1, i), { ...p, text: p.text.slice(0, at) }],
      value: [{ ...p, text: p.text.slice(at + 2) }, ...word.parts.slice(i + 1)],
    }
  }
  return undefined
}

/** `m=([k]=v ...)`, `m=(k v ...)`, `m+=(...)`, `m[k]=v`, `m[k]+=v` of an associative array: keys are text, not arithmetic. */
async function assignAssoc(a: Assignment, ctx: ExpandContext, env: ShellEnv): Promise<[string, string, true?] | undefined> {
  if (a.array) {
    const m = a.append ? writableAssoc(env, a.name) : new AssocArray()
    const keyed = a.array.map(keyedElement)
    if (keyed.some((k) => k !== undefined)) {
      for (const [i, w] of a.array.entries()) {
        const k = keyed[i]
        if (!k) {
          ctx.warn?.(`bash: ${a.name}: ${w.raw}: must use subscript when assigning associative array\n`)
          continue
        }
        const key = await expandString(k.key, ctx)
        const value = await expandString(k.value, ctx)
        if (key === '') {
          // (bash shows the element as it re-quoted it)
          ctx.warn?.(`bash: [${singleQuote(key)}]=${singleQuote(value)}: bad array subscript\n`)
          continue
        }
        m.set(key, value)
      }
    } else {
      // bash 5.1's key value key value ... (a last key without a value gets '')
      const words = await expandWords(a.array, ctx)
      for (let i = 0; i < words.length; i += 2) m.set(words[i]!, words[i + 1] ?? '')
    }
    if (!a.append) env.putArray(a.name, m)
    assocToVariable(env, a.name, m)
    return [`${a.name}${a.append ? '+' : ''}`, `(${a.array.map((w) => w.raw).join(' ')})`, true]
  }
  const key = await expandString(parseArithmeticText(a.index ?? '0'), ctx)
  if (key === '') throw new ExpansionError(`${a.name}[${a.index}]: bad array subscript`, undefined, true)
  const word = await expandString(a.value.parts, ctx)
  const m = writableAssoc(env, a.name)
  m.set(key, a.append ? (m.get(key) ?? '') + word : word)
  if (key === '0') assocToVariable(env, a.name, m)
  return [`${a.name}[${a.index}]${a.append ? '+' : ''}`, word]
}
