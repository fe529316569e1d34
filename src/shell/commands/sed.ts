// sed (GNU sed 4.9, sed/execute.c): runs a compiled script over the input lines with the pattern
// and hold spaces, auto-print unless -n, ranges, branches, and -i editing the lab's files in place.
// The regular expressions are the shell's POSIX BRE/ERE translation (./regex). In the C locale
// (the lab's) script and text are bytes, so `.` is one byte of "é"; in a UTF-8 locale, one character.

import type { CommandSpec, FlagSpec } from '../types'
import { SedError, compileScript, type Addr, type Cmd } from './sedScript'
import { asBytes, fromBytes, utf8Locale } from '../locale'
import { tempSuffix } from '../../common/fnv'

const flags: FlagSpec[] = [
  { name: 'quiet', short: 'n', takesValue: false, help: 'do not print the pattern space automatically' },
  { name: 'expression', short: 'e', takesValue: true, help: 'add SCRIPT to the commands to run' },
  { name: 'file', short: 'f', takesValue: true, help: 'add the commands in FILE' },
  { name: 'regexp-extended', short: 'E', takesValue: false, help: 'use extended regular expressions (also -r)' },
  { name: 'in-place', short: 'i', takesValue: false, help: 'edit the files themselves (-iSUFFIX keeps a backup)' },
  { name: 'separate', short: 's', takesValue: false, help: 'treat the files as separate streams' },
]

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n'

interface Input {
  lines: string[]
  /** Whether the last line had a newline. */
  finalNewline: boolean
  file?: string
}

export const sed: CommandSpec = {
  name: 'sed',
  summary: 'Stream editor: filter and transform text.',
  usage: 'sed [OPTION]... {script-only-if-no-other-script} [input-file]...',
  flags,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    const scripts: string[] = []
    const files: string[] = []
    let quiet = false
    let extended = false
    let inPlace: string | undefined
    let separate = false
    const bad = (msg: string) => {
      ctx.stderr(`sed: ${msg}\n${USAGE}`)
      return 1
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        files.push(...args.slice(i + 1))
        break
      }
      if (a.startsWith('--')) {
        const [name, value] = a.slice(2).split(/=(.*)/s)
        if (name === 'quiet' || name === 'silent') quiet = true
        else if (name === 'regexp-extended') extended = true
        else if (name === 'separate') separate = true
        else if (name === 'in-place') inPlace = value ?? ''
        else if (name === 'expression') scripts.push(value ?? args[++i] ?? '')
        else if (name === 'posix' || name === 'debug' || name === 'sandbox' || name === 'unbuffered') continue
        else if (name === 'help') {
          ctx.stdout(USAGE)
          return 0
        } else return bad(`unrecognized option '${a}'`)
        continue
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]
          if (c === 'n') quiet = true
          else if (c === 'E' || c === 'r') extended = true
          else if (c === 's' || c === 'u') separate = separate || c === 's'
          else if (c === 'i') {
            inPlace = a.slice(j + 1)
            break
          } else if (c === 'e' || c === 'f') {
            const v = a.slice(j + 1) || args[++i]
            if (v === undefined) return bad(`option requires an argument -- '${c}'`)
            if (c === 'e') scripts.push(v)
            else {
              const text = ctx.fs.readFile(ctx.fs.resolve(v))
              if (text === undefined) {
                ctx.stderr(`sed: couldn't open file ${v}: No such file or directory\n`)
                return 1
              }
              scripts.push(text.replace(/\n$/, ''))
            }
            break
          } else return bad(`invalid option -- '${c}'`)
        }
        continue
      }
      files.push(a)
    }
    if (scripts.length === 0) {
      if (files.length === 0) {
        ctx.stderr(USAGE)
        return 1
      }
      scripts.push(files.shift()!)
    }
    // The C locale: the script and the text one character a byte, the output back to bytes.
    const bytes = !utf8Locale(ctx.env)
    const unit = (t: string) => (bytes ? asBytes(t) : t)
    let cmds: Cmd[]
    try {
      cmds = compileScript(unit(scripts.join('\n')), extended)
    } catch (e) {
      if (e instanceof SedError) {
        ctx.stderr(`sed: ${bytes ? fromBytes(e.message) : e.message}\n`)
        return e.message.startsWith("can't find label") ? 4 : 1
      }
      throw e
    }
    if (inPlace !== undefined && files.length === 0) {
      ctx.stderr('sed: no input files\n')
      return 4
    }
    let status = 0
    const inputs: Input[] = []
    for (const f of files.length ? files : ['-']) {
      const read = f === '-' ? ctx.stdin : ctx.fs.isDir(ctx.fs.resolve(f)) ? undefined : ctx.fs.readFile(ctx.fs.resolve(f))
      if (read === undefined) {
        ctx.stderr(ctx.fs.isDir(ctx.fs.resolve(f)) ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: No such file or directory\n`)
        status = 2
        continue
      }
      const text = unit(read)
      const finalNewline = text.endsWith('\n') || text === ''
      const lines = text === '' ? [] : (finalNewline ? text.slice(0, -1) : text).split('\n')
      inputs.push({ lines, finalNewline, file: f })
    }
    const groups: Input[][] = inPlace !== undefined || separate ? inputs.map((x) => [x]) : [inputs]
    for (const group of groups) {
      let out = ''
      // standard output goes out as it grows (its budget can stop a script that prints for ever); -i keeps it whole
      const flush = () => {
        if (inPlace !== undefined || out === '') return
        ctx.stdout(bytes ? fromBytes(out) : out)
        out = ''
      }
      const write = (t: string) => {
        out += t
        if (out.length > 65536 && out.endsWith('\n')) flush()
      }
      let r: { quit?: number }
      try {
        r = execute(cmds, group, quiet, write, bytes, () => ctx.signal?.throwIfAborted())
      } catch (e) {
        if (!(e instanceof SedStepsExceeded)) throw e
        flush()
        ctx.stderr(`sed: stopped: the script ran more than ${MAX_STEPS} steps (the lab's limit)\n`)
        return 4
      }
      if (bytes) out = fromBytes(out)
      if (inPlace !== undefined) {
        const path = ctx.fs.resolve(group[0].file!)
        if (ctx.fs.readOnlyAt?.(path)) {
          // -i writes a temporary file beside the file first: on a read-only mount that fails (EX_IO)
          const typed = group[0].file!
          const dir = typed.includes('/') ? typed.slice(0, typed.lastIndexOf('/')) : '.'
          ctx.stderr(`sed: couldn't open temporary file ${dir}/sed${tempSuffix(`${path}@${ctx.lab.now()}`)}: Read-only file system\n`)
          return 4
        }
        if (inPlace) ctx.fs.writeFile(inPlace.includes('*') ? ctx.fs.resolve(inPlace.replace('*', group[0].file!)) : path + inPlace, ctx.fs.readFile(path) ?? '')
        ctx.fs.writeFile(path, out)
      } else ctx.stdout(out)
      if (r.quit !== undefined) return r.quit
    }
    return status
  },
}

/** The commands one sed may run (a branch back, or D, can loop for ever): awk's limit. */
const MAX_STEPS = 20_000_000
class SedStepsExceeded extends Error {}

function execute(cmds: Cmd[], inputs: Input[], quiet: boolean, write: (t: string) => void, bytes: boolean, check: () => void): { quit?: number } {
  let steps = 0
  const step = () => {
    if (++steps % 10000 !== 0) return
    check()
    if (steps > MAX_STEPS) throw new SedStepsExceeded()
  }
  const all: { text: string; nl: boolean }[] = []
  inputs.forEach((inp, k) => inp.lines.forEach((l, j) => all.push({ text: l, nl: j < inp.lines.length - 1 || inp.finalNewline || k < inputs.length - 1 })))
  for (const c of cmds) c.inRange = false
  let idx = 0
  let lineNo = 0
  let ps = ''
  let hs = ''
  let nl = true
  let lastRe: RegExp | null = null
  let append: string[] = []
  const emit = (text: string, newline = true) => write(text + (newline ? '\n' : ''))
  const flushAppend = () => {
    for (const a of append) emit(a)
    append = []
  }
  const readLine = (): boolean => {
    if (idx >= all.length) return false
    ps = all[idx].text
    nl = all[idx].nl
    idx++
    lineNo++
    return true
  }
  const isLast = () => idx >= all.length
  const reOf = (re: RegExp | null | undefined): RegExp => {
    const r = re ?? lastRe
    if (!r) throw new SedError('no previous regular expression')
    lastRe = r
    return r
  }
  const matchAddr = (a: Addr): boolean => {
    switch (a.k) {
      case 'line': return lineNo === a.n
      case 'last': return isLast()
      case 'zero': return false
      case 'step': return a.step <= 0 ? lineNo === a.first : lineNo >= a.first && (lineNo - a.first) % a.step === 0
      case 're': {
        const r = reOf(a.re)
        r.lastIndex = 0
        return r.test(ps)
      }
      case 'plus': return false
    }
  }
  const selected = (c: Cmd): boolean => {
    if (!c.a1) return true
    if (!c.a2) return matchAddr(c.a1)
    if (c.inRange) {
      const a2 = c.a2
      let end = false
      if (a2.k === 'line') end = lineNo >= a2.n
      else if (a2.k === 'plus') end = lineNo >= c.rangeEnd!
      else end = matchAddr(a2)
      if (end || (a2.k === 'line' && lineNo > a2.n)) c.inRange = false
      return true
    }
    const startsHere = c.a1.k === 'zero' ? lineNo === 1 || false : matchAddr(c.a1)
    if (c.a1.k === 'zero' && lineNo === 1 && c.a2.k === 're') {
      c.inRange = !matchAddr(c.a2)
      return true
    }
    if (!startsHere) return false
    const a2 = c.a2
    if (a2.k === 'line') c.inRange = a2.n > lineNo
    else if (a2.k === 'plus') {
      c.rangeEnd = lineNo + a2.n
      c.inRange = a2.n > 0
    } else c.inRange = true
    return true
  }
  let quit: number | undefined
  cycle: while (readLine()) {
    let tflag = false
    let pc = 0
    let autoprint = !quiet
    let stop = false
    while (pc < cmds.length && !stop) {
      step()
      const c = cmds[pc]
      const sel = selected(c) !== c.negate
      if (!sel) {
        pc = c.name === '{' ? c.jump! : pc + 1
        continue
      }
      pc++
      switch (c.name) {
        case '{': case '}': case ':': break
        case '=': emit(String(lineNo)); break
        case 'p': emit(ps); break
        case 'P': emit(ps.split('\n')[0]); break
        case 'l': write(listed(ps, bytes)); break
        case 'z': ps = ''; break
        case 'h': hs = ps; break
        case 'H': hs += '\n' + ps; break
        case 'g': ps = hs; break
        case 'G': ps += '\n' + hs; break
        case 'x': [ps, hs] = [hs, ps]; break
        case 'y': ps = [...ps].map((ch) => { const k = c.from!.indexOf(ch); return k < 0 ? ch : c.to![k] }).join(''); break
        case 'a': append.push(c.text!); break
        case 'i': emit(c.text!); break
        case 'c':
          if (!c.a2 || !c.inRange) emit(c.text!)
          autoprint = false
          break
        case 'd':
          autoprint = false
          break
        case 'D':
          if (!ps.includes('\n')) {
            autoprint = false
            break
          }
          ps = ps.slice(ps.indexOf('\n') + 1)
          flushAppend()
          pc = 0
          idx-- // re-run the cycle without reading a new line
          lineNo--
          all[idx] = { text: ps, nl }
          continue cycle
        case 'n':
          if (isLast()) {
            stop = true
            break
          }
          if (!quiet) emit(ps, nl)
          flushAppend()
          readLine()
          break
        case 'N':
          if (isLast()) {
            // GNU prints the pattern space and ends when N has no next line.
            stop = true
            break
          }
          flushAppend()
          {
            const prev = ps
            readLine()
            ps = prev + '\n' + ps
          }
          break
        case 'b': pc = c.jump!; break
        case 't': if (tflag) { tflag = false; pc = c.jump! } break
        case 'T': if (!tflag) pc = c.jump!; else tflag = false; break
        case 'q':
          quit = c.exitCode
          break
        case 'Q':
          flushAppend()
          return { quit: c.exitCode }
        case 's': {
          const r = substitute(ps, reOf(c.re), c)
          if (r !== undefined) {
            ps = r
            tflag = true
            for (let k = 0; k < (c.print ?? 0); k++) emit(ps)
            if (c.writeTo === '/dev/stdout') emit(ps)
          }
          break
        }
      }
      if (c.name === 'd' || (c.name === 'D' && !autoprint) || c.name === 'c') break
      if (quit !== undefined) break
    }
    if (autoprint) emit(ps, nl)
    flushAppend()
    if (quit !== undefined) return { quit }
  }
  return {}
}

function caseApply(text: string, mode: string, once: string): [string, string] {
  if (text === '') return [text, once]
  let t = mode === 'U' ? text.toUpperCase() : mode === 'L' ? text.toLowerCase() : text
  if (once) {
    t = (once === 'u' ? t[0].toUpperCase() : t[0].toLowerCase()) + t.slice(1)
    once = ''
  }
  return [t, once]
}

function substitute(ps: string, re: RegExp, c: Cmd): string | undefined {
  re.lastIndex = 0
  let count = 0
  let out = ''
  let last = 0
  let changed = false
  const want = c.occurrence ?? 1
  let prevEnd = -1
  for (const m of ps.matchAll(re)) {
    // An empty match right after the previous match does not count (GNU re_search).
    if (m[0] === '' && m.index === prevEnd) continue
    prevEnd = m.index! + m[0].length
    count++
    if (count < want || (!c.global && count > want)) continue
    out += ps.slice(last, m.index)
    let mode = ''
    let once = ''
    for (const part of c.repl!) {
      if (typeof part === 'object') {
        if (part.caseOp === 'u' || part.caseOp === 'l') once = part.caseOp
        else mode = part.caseOp === 'E' ? '' : part.caseOp
        continue
      }
      const text = typeof part === 'number' ? (m[part] ?? '') : part
      const [t, o] = caseApply(text, mode, once)
      once = o
      out += t
    }
    last = m.index! + m[0].length
    changed = true
    if (!c.global) break
  }
  return changed ? out + ps.slice(last) : undefined
}


const LIST_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v' }

/**
 * `l`: the pattern space unambiguously (sed/execute.c do_list, byte by byte in any locale): `\\`
 * for a backslash, C escapes, `\ooo` for other unprintable bytes (every byte beyond ASCII),
 * lines broken with `\` to fit 70 columns, `$` at the end.
 */
function listed(ps: string, bytes: boolean): string {
  let out = ''
  let width = 0
  for (const c of bytes ? ps : asBytes(ps)) {
    const code = c.charCodeAt(0)
    const piece = c === '\\' ? '\\\\' : code >= 0x20 && code < 0x7f ? c : `\\${LIST_ESCAPES[c] ?? code.toString(8).padStart(3, '0')}`
    if (width + piece.length > 69) {
      out += '\\\n'
      width = 0
    }
    out += piece
    width += piece.length
  }
  return `${out}$\n`
}
