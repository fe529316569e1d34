// chmod (coreutils 9.1) over the workstation's files: octal and symbolic modes (modes.ts), -R, -v,
// -c, -f. A mode that looks like an option (`chmod -x f`) is a mode, as chmod takes it, and then a
// change the umask held back is reported (`new permissions are ..., not ...`).

import type { CommandSpec, FlagSpec } from '../types'
import { applyMode, describeMode, permLetters } from '../modes'
import { gnuQuote } from './gnuQuote'
import { printHelp, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'changes', short: 'c', takesValue: false, help: 'like verbose but report only when a change is made' },
  { name: 'silent', short: 'f', takesValue: false, help: 'suppress most error messages' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'output a diagnostic for every file processed' },
  { name: 'recursive', short: 'R', takesValue: false, help: 'change files and directories recursively' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]
const LONG: Record<string, string> = { changes: 'c', silent: 'f', quiet: 'f', verbose: 'v', recursive: 'R' }
/** The letters after `-` that make a mode, not options (chmod.c's getopt loop). */
const MODE_LIKE = /^-[rwxXstugoa,+=0-7-]*$/

export const chmod: CommandSpec = {
  name: 'chmod',
  summary: 'Change the mode of each FILE to MODE (octal, or symbolic such as u+x or go-w).',
  usage: 'chmod [OPTION]... MODE[,MODE]... FILE...',
  flags,
  async run(ctx) {
    const opts = new Set<string>()
    const words: string[] = []
    let optionLikeMode = false
    let mode: string | undefined
    const args = ctx.argv.slice(1)
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        words.push(...args.slice(i + 1))
        break
      }
      if (a.startsWith('--') && a.length > 2) {
        const name = a.slice(2)
        if (name === 'help') return printHelp(ctx, chmod)
        const key = LONG[name] ?? Object.entries(LONG).find(([l]) => l.startsWith(name))?.[1]
        if (!key) return usageError(ctx, 'chmod', `unrecognized option ${gnuQuote(a)}`)
        opts.add(key)
      } else if (a.startsWith('-') && a.length > 1 && /^-[cfvR]+$/.test(a)) for (const c of a.slice(1)) opts.add(c)
      else if (a.startsWith('-') && a.length > 1 && mode === undefined && MODE_LIKE.test(a)) {
        mode = a
        optionLikeMode = true
      } else if (a.startsWith('-') && a.length > 1) return usageError(ctx, 'chmod', `invalid option -- '${Array.from(a.slice(1)).find((c) => !'cfvR'.includes(c))}'`)
      else words.push(a)
    }
    if (mode === undefined) mode = words.shift()
    if (mode === undefined) return usageError(ctx, 'chmod', 'missing operand')
    if (words.length === 0) return usageError(ctx, 'chmod', `missing operand after ${gnuQuote(mode)}`)
    const fs = ctx.fs
    if (applyMode(mode, 0o644, false) === undefined) return usageError(ctx, 'chmod', `invalid mode: ${gnuQuote(mode)}`)
    let status = 0
    const change = (name: string, path: string) => {
      const dir = fs.isDir(path)
      const old = fs.mode?.(path) ?? 0o644
      const next = applyMode(mode!, old, dir) ?? old
      fs.chmod?.(path, next)
      if (opts.has('v') || (opts.has('c') && next !== old)) {
        ctx.stdout(next === old ? `mode of ${gnuQuote(name)} retained as ${describeMode(next)}\n` : `mode of ${gnuQuote(name)} changed from ${describeMode(old)} to ${describeMode(next)}\n`)
      }
      // `chmod -w f`: what the umask kept from changing is a surprise worth saying
      if (optionLikeMode) {
        const naive = applyMode(mode!, old, dir, 0) ?? next
        if (naive !== next) {
          ctx.stderr(`chmod: ${name}: new permissions are ${permLetters(next)}, not ${permLetters(naive)}\n`)
          status = 1
        }
      }
      if (opts.has('R') && dir) for (const entry of fs.list(path) ?? []) change(`${name.replace(/\/+$/, '')}/${entry}`, `${path === '/' ? '' : path}/${entry}`)
    }
    for (const name of words) {
      const path = fs.resolve(name)
      if (!fs.exists(path)) {
        if (!opts.has('f')) ctx.stderr(`chmod: cannot access ${gnuQuote(name)}: No such file or directory\n`)
        status = 1
        continue
      }
      change(name, path)
    }
    return status
  },
}
