// basename, dirname and printenv (coreutils 9.1).

import type { CommandSpec, FlagSpec } from '../types'
import { baseName } from '../fs'
import { getopt, has, lastValue, printHelp, tableFromFlags, usageError } from './util'

/** dir_name: PATH without its last name and the slashes before it; `.` without a slash, `/` for the root. */
function dirOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  if (trimmed === '') return path.startsWith('/') ? '/' : '.'
  const i = trimmed.lastIndexOf('/')
  if (i < 0) return '.'
  const dir = trimmed.slice(0, i).replace(/\/+$/, '')
  return dir === '' ? '/' : dir
}

const basenameFlags: FlagSpec[] = [
  { name: 'multiple', short: 'a', takesValue: false, help: 'support multiple arguments and treat each as a NAME' },
  { name: 'suffix', short: 's', takesValue: true, help: 'remove a trailing SUFFIX; implies -a' },
  { name: 'zero', short: 'z', takesValue: false, help: 'end each output line with NUL, not newline' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const basename: CommandSpec = {
  name: 'basename',
  summary: 'Print NAME with any leading directory components removed.',
  usage: 'basename NAME [SUFFIX]',
  flags: basenameFlags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(basenameFlags))
    if ('error' in p) return usageError(ctx, 'basename', p.error)
    if (has(p, 'help')) return printHelp(ctx, basename)
    const suffixOpt = lastValue(p, 'suffix')
    const multiple = has(p, 'multiple') || suffixOpt !== undefined
    const names = p.operands
    if (names.length === 0) return usageError(ctx, 'basename', 'missing operand')
    if (!multiple && names.length > 2) return usageError(ctx, 'basename', `extra operand '${names[2]}'`)
    const suffix = multiple ? suffixOpt : names[1]
    const end = has(p, 'zero') ? '\0' : '\n'
    for (const name of multiple ? names : [names[0]]) {
      let b = baseName(name)
      if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length)
      ctx.stdout(b + end)
    }
    return 0
  },
}

const zeroFlag: FlagSpec[] = [
  { name: 'zero', short: 'z', takesValue: false, help: 'end each output line with NUL, not newline' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const dirname: CommandSpec = {
  name: 'dirname',
  summary: 'Output each NAME with its last non-slash component and trailing slashes removed.',
  usage: 'dirname [OPTION] NAME...',
  flags: zeroFlag,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(zeroFlag))
    if ('error' in p) return usageError(ctx, 'dirname', p.error)
    if (has(p, 'help')) return printHelp(ctx, dirname)
    if (p.operands.length === 0) return usageError(ctx, 'dirname', 'missing operand')
    const end = has(p, 'zero') ? '\0' : '\n'
    for (const name of p.operands) ctx.stdout(dirOf(name) + end)
    return 0
  },
}

const printenvFlags: FlagSpec[] = [
  { name: 'null', short: '0', takesValue: false, help: 'end each output line with NUL, not newline' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const printenv: CommandSpec = {
  name: 'printenv',
  summary: 'Print the values of the specified environment VARIABLE(s), or all of them.',
  usage: 'printenv [OPTION]... [VARIABLE]...',
  flags: printenvFlags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(printenvFlags))
    if ('error' in p) return usageError(ctx, 'printenv', p.error, 2)
    if (has(p, 'help')) return printHelp(ctx, printenv)
    const end = has(p, 'null') ? '\0' : '\n'
    const env = ctx.env.exported()
    if (p.operands.length === 0) {
      for (const [k, v] of Object.entries(env)) ctx.stdout(`${k}=${v}${end}`)
      return 0
    }
    let status = 0
    for (const name of p.operands) {
      // a name with `=` is never a variable's
      if (!name.includes('=') && Object.hasOwn(env, name)) ctx.stdout(env[name] + end)
      else status = 1
    }
    return status
  },
}
