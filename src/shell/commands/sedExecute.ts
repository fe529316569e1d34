// sed's executor (GNU sed 4.9, sed/execute.c): runs a compiled script (sedScript.ts) over the
// input lines with the pattern and hold spaces, auto-print unless -n, ranges, branches, `s` with
// its case conversions, and `l`'s listing. In the C locale (the lab's) script and text are bytes,
// so `.` is one byte of "é"; in a UTF-8 locale, one character.

import { SedError, type Addr, type Cmd } from './sedScript'
import { asBytes } from '../locale'

export interface Input {
  lines: string[]
  /** Whether the last line had a newline. */
  finalNewline: boolean
  file?: string
}

/** The commands one sed may run (a branch back, or D, can loop for ever): awk's limit. */
export const MAX_STEPS = 20_000_000
export class SedStepsExceeded extends Error {}

export function execute(cmds: Cmd[], inputs: Input[], quiet: boolean, write: (t: string) => void, bytes: boolean, check: () => void): { quit?: number } {
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
