// awk as Debian's default, mawk 1.3.4: `awk [-F fs] [-v var=value] [-f progfile | 'program']
// [file | var=value ...]`. The language is in awk/ (lexer, parser, interpreter); this module reads
// the options, the input records (RS: a newline, one character, or "" for paragraphs) and
// reports errors as mawk does. mawk works on bytes in every locale (length("é") is 2, `.` matches
// one byte): the program, the input and every value that comes in are one character a byte here,
// and what goes out is turned back into bytes.

import type { CommandSpec } from '../types'
import { parseAwk } from './awk/parser'
import { AwkSyntaxError } from './awk/lexer'
import { AwkRuntimeError, Interp } from './awk/interp'
import { AwkRegexError, loadRegex } from './awk/regex'
import { records, type AwkHost } from './awk/streams'
import { readOperand } from './util'
import { asBytes as B, fromBytes } from '../locale'

const USAGE = 'Usage: mawk [Options] [Program] [file ...]\n'
const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '/': '/' }
const unescape = (s: string) => s.replace(/\\(.)/g, (m, c: string) => ESC[c] ?? m)

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
      if (opt === 'F') init.push(['FS', value === 't' ? '\t' : unescape(B(value))])
      else if (opt === 'v') {
        const eq = value.indexOf('=')
        if (eq <= 0) {
          ctx.stderr(`awk: improper assignment: -v ${value}\n`)
          return 2
        }
        init.push([value.slice(0, eq), unescape(B(value.slice(eq + 1)))])
      } else {
        const r = readOperand(ctx, value)
        if (!r.ok) {
          ctx.stderr(`awk: couldn't open file ${value}\n`)
          return 2
        }
        program = (program ?? '') + B(r.text) + '\n'
      }
    }
    if (program === undefined) {
      if (i >= args.length) {
        ctx.stderr(USAGE)
        return 2
      }
      program = B(args[i++])
    }
    const operands = args.slice(i)
    let out = ''
    const flush = () => {
      if (out) ctx.stdout(fromBytes(out))
      out = ''
    }
    let where: (() => string) | undefined
    // The main input: operands in order (var=value ones assign when reached), record by record.
    const input = { names: [] as string[], at: 0, recs: [] as string[], pos: 0, failed: undefined as string | undefined }
    let vmRef: Interp | undefined
    const nextMain = (): string | undefined => {
      const vm = vmRef!
      while (input.pos >= input.recs.length) {
        if (input.failed !== undefined || input.at >= input.names.length) return undefined
        const name = input.names[input.at++]
        const eq = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(name)
        if (eq) {
          vm.assignOperand(eq[1], unescape(B(eq[2])))
          continue
        }
        const r = readOperand(ctx, name)
        if (!r.ok) {
          input.failed = name
          return undefined
        }
        vm.setFilename(B(name))
        input.recs = records(B(r.text), vm.rs())
        input.pos = 0
      }
      return input.recs[input.pos++]
    }
    const host: AwkHost = {
      nextMain,
      readFile: (path) => {
        const text = ctx.fs.readFile(ctx.fs.resolve(fromBytes(path)))
        return text === undefined ? undefined : B(text)
      },
      stdin: () => B(ctx.stdin),
      flush: () => flush(),
      capture: async (cmd) => {
        if (!ctx.shell.runSplit) throw new AwkRuntimeError(`cannot run "${cmd}" here`)
        const r = await ctx.shell.runSplit(fromBytes(cmd), ctx.env)
        if (r.stderr) ctx.stderr(r.stderr)
        return { stdout: B(r.stdout), status: r.exitCode }
      },
      system: async (cmd) => {
        if (!ctx.shell.runSplit) throw new AwkRuntimeError(`cannot run "${cmd}" here`)
        const r = await ctx.shell.runSplit(fromBytes(cmd), ctx.env)
        if (r.stdout) ctx.stdout(r.stdout)
        if (r.stderr) ctx.stderr(r.stderr)
        return r.exitCode
      },
    }
    try {
      const prog = parseAwk(program)
      await loadRegex()
      const vm = new Interp(prog, {
        write: (t) => {
          out += t
          if (out.length > 65536) flush()
        },
        writeFile: (path, text, append) => ctx.fs.writeFile(fromBytes(path), fromBytes(text), append),
        readFile: (path) => {
          const text = ctx.fs.readFile(fromBytes(path))
          return text === undefined ? undefined : B(text)
        },
        check: () => ctx.signal?.throwIfAborted(),
        now: () => ctx.lab.now(),
      }, init, Object.fromEntries(Object.entries(ctx.env.exported()).map(([k, v]) => [k, B(v)])), host)
      vmRef = vm
      vm.setArgv(['awk', ...operands.map(B)])
      // (a busybox image's awk is busybox's, whose shell is ash)
      vm.mawk = ctx.shell.dialect !== 'ash'
      where = () => vm.where()
      const onlyBegin = prog.rules.length === 0 && prog.end.length === 0
      const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o))
      // (BEGIN's getline reads the main input too.)
      input.names = files.length ? operands : ['-']
      let going = (await vm.runBegin()) && !onlyBegin
      let status = 0
      while (going) {
        const rec = nextMain()
        if (rec === undefined) break
        going = await vm.record(rec)
      }
      if (input.failed !== undefined) {
        flush()
        ctx.stderr(`awk: cannot open ${input.failed} (No such file or directory)\n`)
        status = 2
      }
      if (status === 0) await vm.runEnd()
      flush()
      return status || vm.exitCode
    } catch (e) {
      flush()
      if (e instanceof AwkSyntaxError) {
        ctx.stderr(`awk: ${fromBytes(e.message)}\n`)
        return 2
      }
      if (e instanceof AwkRuntimeError || e instanceof AwkRegexError) {
        ctx.stderr(fromBytes(`awk: run time error: ${e.message}\n${where?.() ?? ''}`))
        return 2
      }
      throw e
    }
  },
}
