// What a bash process keeps besides its variables (variables.c, flags.c, trap.c, alias.c,
// hashcmd.c): the positional parameters, the `set` options, traps, aliases, the programs it hashed,
// `$RANDOM`'s generator and process ids. A subshell gets a copy (fork) and the parent's state comes
// back when it ends.

import type { DynamicSource } from './bashVariables'
import { HashTable } from './hashTable'
import type { ScriptInvocation, ShellDialect } from './types'

/** `set -o` names and their letters, in the order bash lists `$-` (flags.c shell_flags). */
export const OPTION_LETTERS: [letter: string, name: string][] = [
  ['a', 'allexport'], ['b', 'notify'], ['e', 'errexit'], ['f', 'noglob'], ['h', 'hashall'], ['i', 'interactive'],
  ['k', 'keyword'], ['m', 'monitor'], ['n', 'noexec'], ['p', 'privileged'], ['t', 'onecmd'], ['u', 'nounset'],
  ['v', 'verbose'], ['x', 'xtrace'], ['B', 'braceexpand'], ['C', 'noclobber'], ['E', 'errtrace'], ['H', 'histexpand'],
  ['P', 'physical'], ['T', 'functrace'],
]

/** Long options without a letter that `set -o` knows. */
export const LONG_ONLY = ['emacs', 'history', 'ignoreeof', 'interactive-comments', 'pipefail', 'posix', 'vi']

/** bash 5.2's shopt options, in its order, and those on by default. */
export const SHOPT_NAMES = [
  'autocd', 'assoc_expand_once', 'cdable_vars', 'cdspell', 'checkhash', 'checkjobs', 'checkwinsize', 'cmdhist',
  'compat31', 'compat32', 'compat40', 'compat41', 'compat42', 'compat43', 'compat44', 'complete_fullquote',
  'direxpand', 'dirspell', 'dotglob', 'execfail', 'expand_aliases', 'extdebug', 'extglob', 'extquote', 'failglob',
  'force_fignore', 'globasciiranges', 'globskipdots', 'globstar', 'gnu_errfmt', 'histappend', 'histreedit',
  'histverify', 'hostcomplete', 'huponexit', 'inherit_errexit', 'interactive_comments', 'lastpipe', 'lithist',
  'localvar_inherit', 'localvar_unset', 'login_shell', 'mailwarn', 'no_empty_cmd_completion', 'nocaseglob',
  'nocasematch', 'noexpand_translation', 'nullglob', 'patsub_replacement', 'progcomp', 'progcomp_alias',
  'promptvars', 'restricted_shell', 'shift_verbose', 'sourcepath', 'varredir_close', 'xpg_echo',
] as const

export const SHOPT_DEFAULTS: readonly string[] = [
  'checkwinsize', 'cmdhist', 'complete_fullquote', 'extquote', 'force_fignore', 'globasciiranges', 'globskipdots',
  'hostcomplete', 'interactive_comments', 'patsub_replacement', 'progcomp', 'promptvars', 'sourcepath',
]

/** The `set -o` listing's names, sorted as bash prints them. */
export function allOptionNames(): string[] {
  const names = [...OPTION_LETTERS.map(([, n]) => n).filter((n) => n !== 'interactive'), ...LONG_ONLY]
  return names.sort()
}

/** Thrown by `exit` (and `set -e`): ends the innermost subshell, or the command line at the top. */
export class ExitShell {
  constructor(
    readonly status: number,
    /** `exit` typed by the student (the top-level shell then explains it stays open). */
    readonly explicit = true,
  ) {}
}

export interface RuntimeState {
  positional: string[]
  options: Set<string>
  traps: Map<string, string>
  aliases: Map<string, string>
  hash: HashTable
  umask: number
  lastArg: string
  ownPid: number | undefined
  shopts: Set<string>
  dirStack: string[]
}

export class Runtime {
  positional: string[] = []
  options = new Set<string>(['hashall', 'interactive', 'monitor', 'braceexpand', 'histexpand', 'emacs', 'history', 'interactive-comments'])
  traps = new Map<string, string>()
  aliases = new Map<string, string>()
  /** How many files `source` is running (a `return` outside a function ends the innermost). */
  sourceDepth = 0
  /** Where the programs run from PATH were found (`hash`). */
  hash = new HashTable()
  /** The file mode creation mask (`umask`). */
  umask = 0o022
  /** `$0`: the name the shell was started as (a container's `sh -c`: sh). */
  arg0 = 'bash'
  /** Names declared -r and -i. */
  readonly = new Set<string>()
  integer = new Set<string>()
  /** The line of the simple command running (`$LINENO`; a script's messages name it). */
  line = 0
  /** Where `getopts` is: the OPTIND it last set, and the letter it reads next in that word (0: a new word). */
  getopts = { optind: 1, char: 0 }
  /** The directory stack below the working directory, top first (pushd, popd, dirs). */
  dirStack: string[] = []
  /** bash's `shopt` options that are on (builtins/shopt.ts). */
  shopts = new Set<string>(SHOPT_DEFAULTS)
  /** `$_`: the last word of the previous simple command (bash keeps it apart from the variables, so no command changes them by it). */
  lastArg = ''
  /** `$BASHPID` where it differs from `$$`: 0 in a subshell that has not been given its pid yet (bashVariables.ts). */
  ownPid: number | undefined
  /** Where the dynamic variables ($SECONDS, $SRANDOM...) come from; absent: none (a container's shell). */
  dynamic?: DynamicSource
  /** The aliases a line is read with: bash expands them only with shopt's expand_aliases (ash and dash always). */
  get activeAliases(): ReadonlyMap<string, string> | undefined {
    return this.dialect !== 'bash' || this.shopts.has('expand_aliases') ? this.aliases : undefined
  }
  /** `$!`: the pid of the last command run with `&` (none yet: empty). */
  lastBackground = ''
  /** `$$` */
  readonly pid: number
  private nextPid: number
  private seed: number
  /** How deep in command substitutions (`set -x` repeats the `+` once per level). */
  substDepth = 0

  /** Where new pids come from when the host keeps them (a container's PID counter); else pid + 100 on. */
  private spawn?: () => number

  constructor(pid = 2187, seed = 0x2f6b, spawn?: () => number) {
    this.pid = pid
    this.spawn = spawn
    this.nextPid = pid + 100
    this.seed = seed
  }

  save(): RuntimeState {
    return { positional: [...this.positional], options: new Set(this.options), traps: new Map(this.traps), aliases: new Map(this.aliases), hash: new HashTable(this.hash), umask: this.umask, lastArg: this.lastArg, ownPid: this.ownPid, shopts: new Set(this.shopts), dirStack: [...this.dirStack] }
  }

  restore(s: RuntimeState): void {
    this.positional = s.positional
    this.options = s.options
    this.traps = s.traps
    this.aliases = s.aliases
    this.hash = s.hash
    this.umask = s.umask
    this.lastArg = s.lastArg
    this.ownPid = s.ownPid
    this.shopts = s.shopts
    this.dirStack = s.dirStack
  }

  /** A pid for a new background process. */
  spawnPid(): number {
    return this.spawn ? this.spawn() : this.nextPid++
  }

  /** `$RANDOM`: 0..32767 from a fixed seed (deterministic labs replay the same values). */
  random(): number {
    let v = this.brand()
    // bash never returns the same value twice in a row (variables.c get_random_number).
    while (v === this.lastRandom) v = this.brand()
    this.lastRandom = v
    return v
  }

  private lastRandom = -1

  /** bash's generator (variables.c brand): Park-Miller "minimal standard" 16807. */
  private brand(): number {
    let h = this.seed === 0 ? 123459876 : this.seed
    const hi = Math.floor(h / 127773)
    const lo = h % 127773
    h = 16807 * lo - 2836 * hi
    if (h < 0) h += 0x7fffffff
    this.seed = h
    return (h ^ (h >>> 16)) & 32767
  }

  /** `RANDOM=n` seeds the generator. */
  seedRandom(n: number): void {
    this.seed = n >>> 0
  }

  /** How the shell was started: on the terminal, with a -c string, reading a script on its standard input, or a script file. */
  invocation: 'interactive' | ScriptInvocation = 'interactive'
  /** Whose shell this is: `$-` lists its letters in its own order. */
  dialect: ShellDialect = 'bash'

  /** A shell started with -c or on a script: not interactive, no job control, no history expansion. */
  startedAs(invocation: ScriptInvocation): void {
    this.invocation = invocation
    for (const o of ['interactive', 'monitor', 'histexpand']) this.options.delete(o)
  }

  /**
   * `$-`. bash: its letters, then s (c for -c, nothing for a script file). ash and dash keep their option list (e f I i m n s, ash's
   * c, x v V E C a b u) and print it backwards: an interactive one says smi, `sh -c` says c (dash: nothing).
   */
  flags(): string {
    if (this.dialect === 'bash') {
      let out = ''
      for (const [letter, name] of OPTION_LETTERS) if (this.options.has(name)) out += letter
      return out + (this.invocation === 'c' ? 'c' : this.invocation === 'file' ? '' : 's')
    }
    const on = (name: string) => this.options.has(name)
    const forward: [string, boolean][] = [
      ['e', on('errexit')], ['f', on('noglob')], ['i', on('interactive')], ['m', on('monitor')], ['n', on('noexec')],
      ['s', this.invocation !== 'c' && this.invocation !== 'file'], ['c', this.dialect === 'ash' && this.invocation === 'c'], ['x', on('xtrace')], ['v', on('verbose')],
      ['C', on('noclobber')], ['a', on('allexport')], ['b', on('notify')], ['u', on('nounset')],
    ]
    return forward.filter(([, set]) => set).map(([letter]) => letter).reverse().join('')
  }

  has(name: 'errexit' | 'errtrace' | 'nounset' | 'xtrace' | 'pipefail' | 'noglob' | 'allexport' | 'interactive' | 'noclobber'): boolean {
    return this.options.has(name)
  }
}
