// Imitates: bash/builtins/read.def. `read [-r] [-p prompt] [-d delim] [-n count] [name ...]`
// takes one line of standard input (what earlier `read`s left), splits it on IFS into the names
// (the last gets the rest) or stores it whole in REPLY. In a pipeline it runs in a subshell, so
// `echo x | read v` sets nothing in the shell, as in bash.

import { builtinOptions, type BuiltinCall } from './host'
import { IndexedArray, setArray } from '../arrays'
import { assignVariableOrElement, VARIABLE_OR_ELEMENT } from '../arith'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n'

export async function readBuiltin({ h, argv, io, env, err }: BuiltinCall): Promise<number> {
  let raw = false
  let delim = '\n'
  let count: number | undefined
  let array: string | undefined
  const opts = builtinOptions(argv, 'rse', 'pdntaiuN')
  if ('bad' in opts) {
    err(`bash: read: -${opts.bad}: ${opts.missing ? 'option requires an argument' : 'invalid option'}\n${USAGE}`)
    return 2
  }
  // (-s and -e change only how a terminal reads; -p's prompt shows only on a terminal)
  for (const [f, value = ''] of opts.options) {
    if (f === 'r') raw = true
    else if (f === 'd') delim = value === '' ? '\0' : value[0]!
    else if (f === 'n' || f === 'N') count = Number(value)
    else if (f === 'a') array = value
  }
  const names = argv.slice(opts.operands)
  for (const n of array === undefined ? names : [array]) {
    if (!(array === undefined ? VARIABLE_OR_ELEMENT : NAME).test(n)) {
      err(`bash: read: \`${n}': not a valid identifier\n`)
      return 1
    }
  }
  if (io.stdinIsTTY) {
    err('bash: read: the lab cannot wait for typed input here; give it a line: read VAR <<< "text"\n')
    return 1
  }
  const cursor = io.cursor ?? (io.cursor = { pos: 0 })
  const input = io.stdin.slice(cursor.pos)
  let line = ''
  let k = 0
  let found = false
  for (; k < input.length; k++) {
    const c = input[k]
    if (count !== undefined && [...line].length >= count) break
    if (!raw && c === '\\') {
      if (input[k + 1] === '\n') {
        k++
        continue
      }
      if (k + 1 < input.length) {
        line += '\uE000' + input[++k]
        continue
      }
    }
    if (c === delim) {
      found = true
      k++
      break
    }
    line += c
  }
  if (count !== undefined && !found && k < input.length) found = true
  cursor.pos += k
  const ended = !found && k >= input.length
  if (array !== undefined) {
    if (h.rt.readonly.has(array)) {
      err(`bash: ${array}: readonly variable\n`)
      return 1
    }
    setArray(env, array, IndexedArray.list(splitFields(line, env.get('IFS'))))
    return ended ? 1 : 0
  }
  // a readonly name keeps its value (the others are assigned) and read fails
  let locked = false
  assign(line, names, env.get('IFS'), (name, value) => {
    const base = name.replace(/\[[\s\S]*$/, '')
    const bad = h.rt.readonly.has(base) ? `${base}: readonly variable` : assignVariableOrElement(env, name, value)
    if (bad === undefined) return
    err(`bash: ${bad}\n`)
    locked = true
  })
  return ended || locked ? 1 : 0
}

/** Split on IFS as read does; `\0` marks an escaped character (never a separator). */
function assign(line: string, names: string[], ifsOf: string | undefined, set: (name: string, value: string) => void): void {
  const unescape = (s: string) => s.replace(/\uE000([\s\S])/g, '$1')
  if (names.length === 0) {
    set('REPLY', unescape(line))
    return
  }
  const ifs = ifsOf ?? ' \t\n'
  const isWs = (c: string) => ifs.includes(c) && (c === ' ' || c === '\t' || c === '\n')
  const isSep = (c: string) => ifs.includes(c)
  let pos = 0
  const chars = [...line]
  const skipWs = () => {
    while (pos < chars.length && isWs(chars[pos]) && chars[pos - 1] !== '\uE000') pos++
  }
  skipWs()
  names.forEach((name, idx) => {
    if (idx === names.length - 1) {
      let end = chars.length
      while (end > pos && isWs(chars[end - 1]) && chars[end - 2] !== '\uE000') end--
      set(name, unescape(chars.slice(pos, end).join('')))
      return
    }
    let field = ''
    while (pos < chars.length && !(isSep(chars[pos]) && chars[pos - 1] !== '\uE000')) field += chars[pos++]
    if (pos < chars.length && !isWs(chars[pos])) pos++
    skipWs()
    set(name, unescape(field))
  })
}

/** `read -a`: every field of the line, split on IFS as read does; a separator at the end makes no empty field. */
function splitFields(line: string, ifsOf: string | undefined): string[] {
  const ifs = ifsOf ?? ' \t\n'
  const chars = [...line]
  const escaped = (k: number) => chars[k - 1] === '\uE000'
  const isWs = (k: number) => ifs.includes(chars[k]) && /[ \t\n]/.test(chars[k]) && !escaped(k)
  const isSep = (k: number) => ifs.includes(chars[k]) && !escaped(k)
  const fields: string[] = []
  let k = 0
  while (k < chars.length && isWs(k)) k++
  while (k < chars.length) {
    let field = ''
    while (k < chars.length && !isSep(k)) field += chars[k++]
    fields.push(field.replace(/\uE000([\s\S])/g, '$1'))
    if (k >= chars.length) break
    // one separator: a run of IFS whitespace, with at most one other IFS character in it
    const hard = !isWs(k)
    k++
    while (k < chars.length && isWs(k)) k++
    if (!hard && k < chars.length && isSep(k)) {
      k++
      while (k < chars.length && isWs(k)) k++
    }
  }
  return fields
}
