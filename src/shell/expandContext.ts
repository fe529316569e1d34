// What word expansion (expand.ts, expandParts.ts) works with: its context (the environment,
// command substitution, globbing, limits), its error, and the pieces a word's parts expand to.

import type { List } from './parser/ast'
import type { PatternPiece } from './pattern'
import type { ShellDialect, ShellEnv } from './types'
import type { Runtime } from './runtime'

/** An expansion error: bash prints `bash: MESSAGE` and the command does not run (status 1). */
export class ExpansionError {
  /** `hint` is a lab-only line printed after bash's message, for mistakes the lesson invites. */
  /**
   * `fatal` errors (bad substitutions, arithmetic, `${V:?}`) abort the whole command line, as in
   * bash; a shell that is not interactive ends on one (dash and ash on each; bash on `ends`: an
   * unset variable under `set -u`, and `${V:?}`).
   */
  constructor(
    readonly message: string,
    readonly hint?: string,
    readonly fatal = false,
    readonly ends = false,
  ) {}
}

export const fatal = (message: string) => new ExpansionError(message, undefined, true)
/** A fatal error that also ends a bash that is not interactive. */
export const endsScript = (message: string) => new ExpansionError(message, undefined, true, true)

export interface ExpandContext {
  env: ShellEnv
  /** Whose words the shell's own errors use (a container's ash or dash words a failed redirection otherwise). */
  dialect?: ShellDialect
  lastStatus(): number
  /** Run a command substitution in a subshell; resolves to its standard output and status. */
  substitute(list: List): Promise<{ stdout: string; status: number }>
  /** `<(LIST)` / `>(LIST)`: the name of the file that stands for the list's output or input (absent: none, as in dash). */
  procsub?(dir: '<' | '>', body: List): Promise<string>
  /** Status of the last command substitution, for `A=$(false)` and commands made only of assignments. */
  substStatus?: number
  /** Longest word an expansion may produce (the lab's limit; DEFAULT_LIMITS.maxValue if absent). */
  maxValue?: number
  /** Print a message of an error that does not stop the expansion (already prefixed, as `bash: a: bad array subscript`). */
  warn?(text: string): void
  /** Spend one step of the command line's budget (throws when it is spent or Ctrl+C came). */
  step?(): void
  /** Pathname expansion of one field (glob.ts); absent: no globbing. Undefined for no pattern, [] when nothing matches. */
  glob?(field: PatternPiece[]): string[] | undefined
  /** Most words one brace expansion may produce. */
  maxFields?: number
  /** The shell's positional parameters, options, `$RANDOM` and pids (absent: bare defaults). */
  runtime?: Runtime
}

export interface Piece {
  text: string
  /** Unquoted expansion results are split into fields. */
  split: boolean
  /** Unquoted text (literal or expanded) whose `*`, `?` and `[` are pattern characters. */
  glob?: boolean
  /** Between two parameters of "$@": the field ends here (its text joins them in strings). */
  boundary?: boolean
}
