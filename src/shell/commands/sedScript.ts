// GNU sed 4.9's script parser (sed/compile.c): addresses (N, $, /re/I, \cREc, first~step, ranges
// with addr,+N and 0,/re/, `!`), blocks, labels and the commands s y p P d D n N g G h H x q Q =
// a i c b t T l z and #, with GNU's messages ("-e expression #1, char 7: unknown option to `s'").

import { translate } from './regex'

export type Addr = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp | null } | { k: 'step'; first: number; step: number } | { k: 'plus'; n: number } | { k: 'zero' }

export interface Cmd {
  a1?: Addr
  a2?: Addr
  negate: boolean
  name: string
  /** s: regex (null = last regex), replacement parts, flags. */
  re?: RegExp | null
  repl?: (string | number | { caseOp: string })[]
  global?: boolean
  occurrence?: number
  print?: number
  /** s///w FILE (only /dev/stdout and /dev/stderr are honoured). */
  writeTo?: string
  text?: string
  label?: string
  exitCode?: number
  /** y: source and target characters. */
  from?: string[]
  to?: string[]
  /** `{`: index of the matching `}`; `}` and jumps: resolved target. */
  jump?: number
  /** Range state while running. */
  inRange?: boolean
  rangeEnd?: number
}

export class SedError extends Error {}

export function compileScript(script: string, extended: boolean, exprNo = 1): Cmd[] {
  const cmds: Cmd[] = []
  let i = 0
  const blocks: number[] = []
  const fail = (msg: string, at = i): never => {
    throw new SedError(`-e expression #${exprNo}, char ${at}: ${msg}`)
  }
  const compileRe = (src: string, flags: string): RegExp | null => {
    if (src === '') return null
    let plain = ''
    for (let k = 0; k < src.length; k++) {
      if (src[k] === '\\' && (src[k + 1] === 'n' || src[k + 1] === 't')) plain += src[++k] === 'n' ? '\n' : '\t'
      else if (src[k] === '\\' && k + 1 < src.length) plain += src[k] + src[++k]
      else plain += src[k]
    }
    const t = translate(plain, extended)
    if (!t.ok) return fail(t.message)
    try {
      return new RegExp(t.source, (flags.includes('I') ? 'i' : '') + (flags.includes('M') ? 'm' : '') + 'g')
    } catch {
      return fail('Invalid regular expression')
    }
  }
  // Read a delimited part (regex or replacement), handling \delim and newlines.
  const delimited = (delim: string, what: string): string => {
    let out = ''
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        if (script[i + 1] === delim) out += delim === '&' ? '\\&' : delim
        else if (script[i + 1] === '\n') out += '\n'
        else out += script.slice(i, i + 2)
        i += 2
      } else if (script[i] === '\n' && what === 'address') return fail('unterminated address regex')
      else out += script[i++]
    }
    if (i >= script.length) return fail(what === 'address' ? 'unterminated address regex' : `unterminated \`${what}' command`)
    i++
    return out
  }
  const number = (): number => {
    const m = /^[0-9]+/.exec(script.slice(i))!
    i += m[0].length
    return Number(m[0])
  }
  const address = (): Addr | undefined => {
    const c = script[i]
    if (c === undefined) return undefined
    if (/[0-9]/.test(c)) {
      const n = number()
      if (script[i] === '~') {
        i++
        const step = /[0-9]/.test(script[i] ?? '') ? number() : 0
        return { k: 'step', first: n, step }
      }
      return n === 0 ? { k: 'zero' } : { k: 'line', n }
    }
    if (c === '$') {
      i++
      return { k: 'last' }
    }
    if (c === '/' || c === '\\') {
      let delim = '/'
      if (c === '\\') {
        delim = script[i + 1]
        i++
      }
      i++
      const src = delimited(delim, 'address')
      let flags = ''
      while (script[i] === 'I' || script[i] === 'M') flags += script[i++]
      return { k: 're', re: compileRe(src, flags) }
    }
    return undefined
  }
  const skipWs = () => {
    while (i < script.length && /[ \t]/.test(script[i])) i++
  }
  const endOfCommand = () => {
    skipWs()
    if (i < script.length && !/[;\n}#]/.test(script[i])) fail('extra characters after command', i + 1)
    if (script[i] === ';' || script[i] === '\n') i++
  }
  const readLabel = (): string => {
    skipWs()
    const m = /^[^;\n]*/.exec(script.slice(i))!
    i += m[0].length
    if (script[i] === ';' || script[i] === '\n') i++
    return m[0].trim()
  }
  const readText = (): string => {
    // GNU one-liner form `a text` or classic `a\` newline text; backslash-newline continues.
    skipWs()
    if (script[i] === '\\') {
      i++
      if (script[i] === '\n') i++
    }
    let out = ''
    while (i < script.length && script[i] !== '\n') {
      if (script[i] === '\\' && i + 1 < script.length) {
        out += script[i + 1] === '\n' ? '\n' : script[i + 1]
        i += 2
      } else out += script[i++]
    }
    if (script[i] === '\n') i++
    return out
  }
  while (i < script.length) {
    while (i < script.length && /[ \t\n;]/.test(script[i])) i++
    if (i >= script.length) break
    if (script[i] === '#') {
      while (i < script.length && script[i] !== '\n') i++
      continue
    }
    const cmd: Cmd = { negate: false, name: '' }
    cmd.a1 = address()
    if (cmd.a1 && script[i] === ',') {
      i++
      skipWs()
      if (script[i] === '+') {
        i++
        cmd.a2 = { k: 'plus', n: number() }
      } else cmd.a2 = address() ?? fail('unexpected `,\'')
    }
    skipWs()
    while (script[i] === '!') {
      cmd.negate = true
      i++
      skipWs()
    }
    const name = script[i++]
    if (name === undefined) fail('missing command')
    if (cmd.a1?.k === 'zero' && !(cmd.a2 && cmd.a2.k === 're')) fail('invalid usage of line address 0')
    cmd.name = name
    switch (name) {
      case '{':
        blocks.push(cmds.length)
        cmds.push(cmd)
        continue
      case '}':
        if (cmd.a1) fail('} doesn\'t want any addresses')
        if (!blocks.length) fail('unexpected `}\'')
        cmds[blocks.pop()!].jump = cmds.length + 1
        cmds.push(cmd)
        endOfCommand()
        continue
      case 's': {
        const delim = script[i++]
        if (delim === undefined || delim === '\n' || delim === '\\') fail('unterminated `s\' command')
        const reSrc = delimited(delim, 's')
        const replSrc = delimited(delim, 's')
        let flags = ''
        cmd.global = false
        cmd.print = 0
        while (i < script.length && !/[;\n}#]/.test(script[i])) {
          const f = script[i]
          if (f === 'g') cmd.global = true
          else if (f === 'p') cmd.print = (cmd.print ?? 0) + 1
          else if (f === 'i' || f === 'I') flags += 'I'
          else if (f === 'm' || f === 'M') flags += 'M'
          else if (f === 'w') {
            const m = /^w[ \t]*([^\n]*)/.exec(script.slice(i))!
            cmd.writeTo = m[1]
            i += m[0].length
            continue
          }
          else if (/[0-9]/.test(f)) {
            cmd.occurrence = number()
            continue
          } else if (f === ' ' || f === '\t') {
            i++
            continue
          } else fail('unknown option to `s\'', i + 1)
          i++
        }
        cmd.re = compileRe(reSrc, flags)
        cmd.repl = parseReplacement(replSrc, cmd.re, fail, i)
        endOfCommand()
        break
      }
      case 'y': {
        const delim = script[i++]
        const unesc = (s: string) => [...s.replace(/\\n/g, '\n').replace(/\\\\/g, '\\')]
        cmd.from = unesc(delimited(delim, 'y'))
        cmd.to = unesc(delimited(delim, 'y'))
        if (cmd.from.length !== cmd.to.length) fail('strings for `y\' command are different lengths')
        endOfCommand()
        break
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = readText()
        break
      case ':':
        if (cmd.a1) fail(': doesn\'t want any addresses')
        cmd.label = readLabel()
        if (!cmd.label) fail('":" lacks a label')
        break
      case 'b':
      case 't':
      case 'T':
        cmd.label = readLabel()
        break
      case 'q':
      case 'Q':
        skipWs()
        cmd.exitCode = /[0-9]/.test(script[i] ?? '') ? number() : 0
        endOfCommand()
        break
      case 'p': case 'P': case 'd': case 'D': case 'n': case 'N': case 'g': case 'G': case 'h': case 'H': case 'x': case '=': case 'l': case 'z':
        endOfCommand()
        break
      default:
        fail(`unknown command: \`${name}'`)
    }
    cmds.push(cmd)
  }
  if (blocks.length) fail('unmatched `{\'', 0)
  // Resolve branch labels.
  for (const c of cmds) {
    if ('btT'.includes(c.name) && c.label !== undefined) {
      if (c.label === '') c.jump = cmds.length
      else {
        const at = cmds.findIndex((x) => x.name === ':' && x.label === c.label)
        if (at < 0) throw new SedError(`can't find label for jump to \`${c.label}'`)
        c.jump = at
      }
    }
  }
  return cmds
}

function parseReplacement(src: string, re: RegExp | null, fail: (m: string, at?: number) => never, at: number): (string | number | { caseOp: string })[] {
  const parts: (string | number | { caseOp: string })[] = []
  let lit = ''
  const groups = re ? countGroups(re.source) : 9
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === '&') {
      parts.push(lit, 0)
      lit = ''
    } else if (c === '\\' && i + 1 < src.length) {
      const n = src[++i]
      if (/[0-9]/.test(n)) {
        if (Number(n) > groups) fail(`invalid reference \\${n} on \`s' command's RHS`, at)
        parts.push(lit, Number(n))
        lit = ''
      } else if ('LUluE'.includes(n)) {
        parts.push(lit, { caseOp: n })
        lit = ''
      } else lit += n === 'n' ? '\n' : n === 't' ? '\t' : n
    } else lit += c
  }
  parts.push(lit)
  return parts.filter((p) => p !== '')
}

function countGroups(source: string): number {
  let n = 0
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === '(' && source[i + 1] !== '?') n++
  }
  return n
}
