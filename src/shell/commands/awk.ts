// awk as Debian's default, mawk 1.3.4: `awk [-F fs] [-v var=value] [-f progfile | 'program']
// [file | var=value ...]`. The language is in awk/ (lexer, parser, interpreter); this module reads
// the options, the input records (RS: a newline, one character, or "" for paragraphs) and
// reports errors as mawk does.

import type { CommandSpec } from '../types'
import { parseAwk } from './awk/parser'
import { AwkSyntaxError } from './awk/lexer'
import { AwkRuntimeError, Interp } from './awk/interp'
import { AwkRegexError, loadRegex } from './awk/regex'
import { readOperand } from './util'

const USAGE = 'Usage: mawk [Options] [Program] [file ...]\n'
const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '/': '/' }
const unescape = (s: string) => s.replace(/\\(.)/g, (m, c: string) => ESC[c] ?? m)

function records(text: string, rs: string): string[] {
  if (text === '') return []
  if (rs === '') return text.replace(/^\n+/, '').split(/\n\n+/).map((r) => r.replace(/\n+$/, '')).filter((r, i, a) => r !== '' || i < a.length - 1)
  const sep = rs.length === 1 ? rs : '\n'
  const parts = text.split(sep)
  if (parts[parts.length - 1] === '') parts.pop()
  return parts
}

export const awk: CommandSpec = {
  name: 'awk',
  summary: 'Scan lines for patterns and act on their fields (mawk).',
  usage: "awk [-F fs] [-v var=value] [-f progfile | 'program'] [file ...]",
  async run(ctx) {
    const args = ctx.argv.slice(1)
    const init: [string, string][] = []
    let program: string | undefined
    let i = 0
    for (; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        i++
        break
      }
      if (!a.startsWith('-') || a === '-') break
      const opt = a[1]
      const value = a.length > 2 ? a.slice(2) : args[++i]
      if (value === undefined || !'Fvf'.includes(opt)) {
        ctx.stderr(value === undefined ? `awk: option requires an argument -- ${opt}\n${USAGE}` : `awk: not an option: ${a}\n`)
        return 2
      }
      if (opt === 'F') init.push(['FS', value === 't' ? '\t' : unescape(value)])
      else if (opt === 'v') {
        const eq = value.indexOf('=')
        if (eq <= 0) {
          ctx.stderr(`awk: improper assignment: -v ${value}\n`)
          return 2
        }
        init.push([value.slice(0, eq), unescape(value.slice(eq + 1))])
      } else {
        const r = readOperand(ctx, value)
        if (!r.ok) {
          ctx.stderr(`awk: couldn't open file ${value}\n`)
          return 2
        }
        program = (program ?? '') + r.text + '\n'
      }
    }
    if (program === undefined) {
      if (i >= args.length) {
        ctx.stderr(USAGE)
        return 2
      }
      program = args[i++]
    }
    const operands = args.slice(i)
    let out = ''
    const flush = () => {
      if (out) ctx.stdout(out)
      out = ''
    }
    let where: (() => string) | undefined
    try {
      const prog = parseAwk(program)
      await loadRegex()
      const vm = new Interp(prog, {
        write: (t) => {
          out += t
          if (out.length > 65536) flush()
        },
        writeFile: (path, text, append) => ctx.fs.writeFile(path, text, append),
        readFile: (path) => ctx.fs.readFile(path),
        check: () => ctx.signal?.throwIfAborted(),
      }, init, ctx.env.exported())
      where = () => vm.where()
      let going = vm.runBegin()
      const onlyBegin = prog.rules.length === 0 && prog.end.length === 0
      const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o))
      const inputs = onlyBegin ? [] : files.length ? operands : ['-']
      let status = 0
      for (const name of inputs) {
        if (!going) break
        const eq = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(name)
        if (eq) {
          vm.assignOperand(eq[1], unescape(eq[2]))
          continue
        }
        const r = readOperand(ctx, name)
        if (!r.ok) {
          flush()
          ctx.stderr(`awk: cannot open ${name} (No such file or directory)\n`)
          status = 2
          going = false
          break
        }
        vm.setFilename(name === '-' ? '' : name)
        for (const rec of records(r.text, vm.rs())) if (!(going = vm.record(rec))) break
      }
      if (status === 0) vm.runEnd()
      flush()
      return status || vm.exitCode
    } catch (e) {
      flush()
      if (e instanceof AwkSyntaxError) {
        ctx.stderr(`awk: ${e.message}\n`)
        return 2
      }
      if (e instanceof AwkRuntimeError || e instanceof AwkRegexError) {
        ctx.stderr(`awk: run time error: ${e.message}\n${where?.() ?? ''}`)
        return 2
      }
      throw e
    }
  },
}
