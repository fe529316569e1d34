// sed (GNU sed 4.9): its options (sed/sed.c), reading the input files, and -i editing the lab's
// files in place. The script is compiled by sedScript.ts and run by sedExecute.ts (sed/execute.c).
// The regular expressions are the shell's POSIX BRE/ERE translation (./regex). In the C locale
// (the lab's) script and text are bytes, so `.` is one byte of "é"; in a UTF-8 locale, one character.

import type { CommandSpec, FlagSpec } from '../types'
import { SedError, compileScript, type Cmd } from './sedScript'
import { MAX_STEPS, SedStepsExceeded, execute, type Input } from './sedExecute'
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
