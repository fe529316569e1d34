// Imitates: bash/builtins/mapfile.def. `mapfile` (also `readarray`) reads lines of standard input
// (what earlier reads left) into an indexed array, MAPFILE without a name: -t drops each line's
// delimiter, -d sets it (empty: NUL), -n reads at most that many lines, -s skips lines first, -O
// starts at that index (without -O the array is emptied first), -C runs a command every -c lines
// (default 5000) with the index and the line, as `callback INDEX LINE`.

import type { BuiltinCall } from './host'
import { builtinOptions, shellQuote } from './host'
import { IndexedArray, setArray, writableArray, firstToVariable } from '../arrays'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const USAGE = 'mapfile: usage: mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]\n'

export async function mapfileBuiltin({ h, argv, io, env, err }: BuiltinCall): Promise<number> {
  const me = argv[0]!
  let delim = '\n'
  let trim = false
  let count = 0
  let skip = 0
  let origin: number | undefined
  let callback: string | undefined
  let quantum = 5000
  const opts = builtinOptions(argv, 't', 'dnOsuCc')
  if ('bad' in opts) {
    err(`bash: ${me}: -${opts.bad}: ${opts.missing ? 'option requires an argument' : 'invalid option'}\n${USAGE}`)
    return 2
  }
  for (const [f, value = ''] of opts.options) {
    const n = /^\s*[0-9]+\s*$/.test(value) ? Number(value) : undefined
    if (f === 't') trim = true
    else if (f === 'd') delim = value === '' ? '\0' : value[0]!
    else if (f === 'C') callback = value
    else if (f === 'u') {
      if (n !== 0) {
        err(`bash: ${me}: ${value}: invalid file descriptor: Bad file descriptor\n`)
        return 1
      }
    } else if (n === undefined || (f === 'c' && n === 0)) {
      const what = { n: 'line count', O: 'array origin', s: 'line count', c: 'callback quantum' }[f]
      err(`bash: ${me}: ${value}: invalid ${what}\n`)
      return 1
    } else if (f === 'n') count = n
    else if (f === 's') skip = n
    else if (f === 'O') origin = n
    else quantum = n
  }
  const name = argv[opts.operands] ?? 'MAPFILE'
  if (!NAME.test(name)) {
    err(`bash: ${me}: \`${name}': not a valid identifier\n`)
    return 1
  }
  if (h.rt.readonly.has(name)) {
    err(`bash: ${name}: readonly variable\n`)
    return 1
  }
  if (io.stdinIsTTY) {
    err(`bash: ${me}: the lab cannot wait for typed input here; give it lines: ${me} -t NAME < FILE, or < <(COMMAND)\n`)
    return 1
  }
  const cursor = io.cursor ?? (io.cursor = { pos: 0 })
  if (origin === undefined) setArray(env, name, new IndexedArray())
  const arr = writableArray(env, name)
  let index = origin ?? 0
  let read = 0
  while (cursor.pos < io.stdin.length && (count === 0 || read < count)) {
    const end = io.stdin.indexOf(delim, cursor.pos)
    const stop = end < 0 ? io.stdin.length : end + 1
    let line = io.stdin.slice(cursor.pos, stop)
    cursor.pos = stop
    if (skip > 0) {
      skip--
      continue
    }
    if (trim && line.endsWith(delim)) line = line.slice(0, -1)
    if (callback !== undefined && (read + 1) % quantum === 0) await h.runText(`${callback} ${index} ${shellQuote(line)}`, io, env)
    arr.set(index++, line)
    read++
  }
  firstToVariable(env, name, arr)
  return 0
}
