// Imitates: bash/builtins/getopts.def and getopt.c (sh_getopt); dash's and busybox ash's getopts
// for their words. `getopts OPTSTRING NAME [ARG...]` reads the next option from ARGs (the
// positional parameters without them): NAME gets the letter, OPTARG its argument, OPTIND the
// index of the next word; letters grouped in one word (-ac) are read one call at a time. An unknown
// letter or a missing argument gives NAME `?` and a message, or with a leading `:` in OPTSTRING no
// message and NAME `?` or `:` with the letter in OPTARG. At the end NAME is `?` and the status 1.

import type { BuiltinCall } from './host'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function getoptsBuiltin({ h, argv, env, err }: BuiltinCall): number {
  const rt = h.rt
  const bash = h.dialect === 'bash'
  if (argv.length < 3) {
    err(bash ? 'getopts: usage: getopts optstring name [arg ...]\n' : h.dialect === 'dash' ? 'bash: getopts: Usage: getopts optstring var [arg...]\n' : 'bash: getopts: line 0: usage: getopts optstring var [arg]\n')
    return 2
  }
  const [, spec, name] = argv as [string, string, string]
  if (!NAME.test(name)) {
    err(`bash: getopts: \`${name}': not a valid identifier\n`)
    return 1
  }
  const args = argv.length > 3 ? argv.slice(3) : rt.positional
  const silent = spec.startsWith(':')
  const quiet = silent || (bash && env.get('OPTERR') === '0')
  // where we are: OPTIND, and the letter within its word (a new OPTIND from outside starts afresh)
  const given = Number.parseInt(env.get('OPTIND') ?? '1', 10)
  let optind = Number.isSafeInteger(given) && given > 0 ? given : 1
  if (rt.getopts.optind !== optind) rt.getopts = { optind, char: 0 }
  let char = rt.getopts.char
  const set = (n: string, v: string): boolean => {
    if (rt.readonly.has(n)) {
      err(`bash: ${n}: readonly variable\n`)
      return false
    }
    env.set(n, v)
    return true
  }
  const finish = (letter: string, status: number, optarg?: string): number => {
    rt.getopts = { optind, char }
    env.set('OPTIND', String(optind))
    if (optarg === undefined) env.unset('OPTARG')
    else env.set('OPTARG', optarg)
    return set(name, letter) ? status : 2
  }
  if (char === 0) {
    const word = args[optind - 1]
    if (word === undefined || word === '-' || !word.startsWith('-')) return finish('?', 1)
    if (word === '--') {
      optind++
      return finish('?', 1)
    }
    char = 1
  }
  const word = args[optind - 1]!
  const letter = word[char++]!
  if (char >= word.length) {
    optind++
    char = 0
  }
  const at = letter === ':' ? -1 : spec.indexOf(letter)
  if (at < 0) {
    if (!quiet) err(bash ? `${rt.arg0}: illegal option -- ${letter}\n` : `Illegal option -${letter}\n`)
    return finish('?', 0, silent ? letter : undefined)
  }
  if (spec[at + 1] !== ':') return finish(letter, 0)
  if (char > 0) {
    // the rest of the word is the argument (-bvalue)
    const optarg = word.slice(char)
    optind++
    char = 0
    return finish(letter, 0, optarg)
  }
  const optarg = args[optind - 1]
  if (optarg === undefined) {
    if (silent) return finish(':', 0, letter)
    if (!quiet) err(bash ? `${rt.arg0}: option requires an argument -- ${letter}\n` : `No arg for -${letter} option\n`)
    return finish('?', 0)
  }
  optind++
  return finish(letter, 0, optarg)
}
