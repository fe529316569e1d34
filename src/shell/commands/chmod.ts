// chmod (coreutils 9.1) over the workstation's files: octal and symbolic modes (modes.ts), -R, -v,
// -c, -f. A mode that looks like an option (`chmod -x f`) is a mode, as chmod takes it, and then a
// change the umask held back is reported (`new permissions are ..., not ...`).

import type { CommandSpec, FlagSpec } from '../types'
import { applyMode, describeMode, permLetters } from '../modes'
import { gnuQuote } from './gnuQuote'
import { getopt, has, printHelp, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'changes', short: 'c', takesValue: false, help: 'like verbose but report only when a change is made' },
  { name: 'silent', short: 'f', takesValue: false, help: 'suppress most error messages' },
  { name: 'quiet', takesValue: false, help: 'same as --silent' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'output a diagnostic for every file processed' },
  { name: 'recursive', short: 'R', takesValue: false, help: 'change files and directories recursively' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]
/** The letters after `-` that make a mode, not options (chmod.c's getopt loop). */
const MODE_LIKE = /^-[rwxXstugoa,+=0-7-]*$/

export const chmod: CommandSpec = {
  name: 'chmod',
  summary: 'Change the mode of each FILE to MODE (octal, or symbolic such as u+x or go-w).',
  usage: 'chmod [OPTION]... MODE[,MODE]... FILE...',
  flags,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    // a mode that looks like an option (`-x`, `-w`) is the mode, as chmod's own getopt loop takes it
    const end = args.indexOf('--')
    const at = args.findIndex((a, i) => (end < 0 || i < end) && a.length > 1 && a !== '--' && MODE_LIKE.test(a) && !/^-[cfvR]+$/.test(a))
    const optionLikeMode = at >= 0
    const p = getopt(optionLikeMode ? args.filter((_, i) => i !== at) : args, tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'chmod', p.error)
    if (has(p, 'help')) return printHelp(ctx, chmod)
    const opt = (key: string) => has(p, key)
    const words = [...p.operands]
    const mode = optionLikeMode ? args[at] : words.shift()
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
      if (opt('verbose') || (opt('changes') && next !== old)) {
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
      if (opt('recursive') && dir) for (const entry of fs.list(path) ?? []) change(`${name.replace(/\/+$/, '')}/${entry}`, `${path === '/' ? '' : path}/${entry}`)
    }
    for (const name of words) {
      const path = fs.resolve(name)
      if (!fs.exists(path)) {
        if (!opt('silent') && !opt('quiet')) ctx.stderr(`chmod: cannot access ${gnuQuote(name)}: No such file or directory\n`)
        status = 1
        continue
      }
      change(name, path)
    }
    return status
  },
}
