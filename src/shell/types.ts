// Contracts between the shell's executor, its commands and the lab around them.

import type { ApiRequest, ApiResponse } from '../cluster/apiserver/types'
import type { AuditEntry } from '../cluster/audit/audit'
import type { CommandSignal } from './limits'
import type { IndexedArray } from './indexedArray'
import type { AssocArray } from './assocArray'

/** What one command line (or one command) produced. */
export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** One chunk of output, in the order it was written (the terminal interleaves them). */
export interface OutputChunk {
  stream: 'stdout' | 'stderr'
  text: string
}

/** The small home filesystem of the student's workstation (paths are absolute, `~` is /root). */
export interface HomeFs {
  readFile(path: string): string | undefined
  writeFile(path: string, data: string, append?: boolean): void
  exists(path: string): boolean
  isDir(path: string): boolean
  /** Entry names of a directory, sorted as `ls` sorts them; undefined if not a directory. */
  list(path: string): string[] | undefined
  remove(path: string): boolean
  mkdir(path: string): void
  /** Resolve a path typed by the user against the working directory, handling `~`, `.` and `..`. */
  resolve(path: string): string
  cwd(): string
  snapshot(): Record<string, string>
  /** The permission bits (and set-id, sticky) of what `path` names; undefined if nothing. */
  mode?(path: string): number | undefined
  /** Set them (chmod). */
  chmod?(path: string, mode: number): void
  /** Whether `path` lies on a read-only mount (a container's token volume): writes there fail with EROFS. */
  readOnlyAt?(path: string): boolean
}

/** What the lab offers the shell's commands (kubectl, curl, lab). */
export interface LabServices {
  /** Send a request to the API server (authentication, authorization, admission, storage). */
  api(req: ApiRequest): Promise<ApiResponse>
  /** Lab time in milliseconds since the epoch. */
  now(): number
  /**
   * Move the lab clock forward, running all work that falls due. Returns one line saying what happened.
   * `paced`: a live command's round (liveRound.ts), lab time that stands for the wall time the host
   * has just paced.
   */
  advance(ms: number, paced?: boolean): Promise<string>
  /**
   * Move the clock forward event by event until `done()` holds or `timeoutMs` of lab time passed.
   * Returns whether `done()` held. Used by commands that wait in real life (kubectl delete, wait).
   */
  waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean>
  /** Start the lab afresh (same seed and start time as it was created with). */
  reset(): Promise<void>
  /** The API server's audit record, oldest first (absent in labs without a cluster, e.g. tests). */
  audit?(): readonly AuditEntry[]
  /**
   * Open a text in the page's editor and wait until the student saves (the new text) or closes
   * it without saving (undefined). Absent when no editor is attached (Node, transcripts).
   */
  edit?(request: EditRequest): Promise<string | undefined>
  /**
   * Let `ms` of real time pass before a command's next round (a live `watch`): the host waits
   * with a timer and resolves true, or false at once on Ctrl+C, which then goes to the command
   * (as SIGINT to a program that handles it) instead of stopping the line. Absent where nothing
   * paces commands (Node, transcripts, tests): such commands run one round.
   */
  pace?(ms: number): Promise<boolean>
  /**
   * The command running now opened a container shell that takes the terminal when it ends (kubectl
   * run -it): `fn` runs when that shell ends, with its status; its output and status stand for the
   * `exit` line's. Absent where no shell can be opened (tests without a lab).
   */
  afterSession?(fn: (code: number) => Promise<RunResult>): void
}

/** What `kubectl edit`, `nano`, `vi` and `edit` ask the editor to open. */
export interface EditRequest {
  /** A path in the home folder, or a name such as `/tmp/kubectl-edit-2213.yaml`. */
  path: string
  text: string
  language: 'yaml' | 'json' | 'plaintext'
  /** Shown above the editor, e.g. `kubectl edit serviceaccount/default -n sa-demo`. */
  title: string
  /** Problems to mark, e.g. an apply error at a line (1-based). */
  markers?: { line: number; message: string }[]
}

/** Variables of the shell. Exported ones are what `env` prints and child commands see. */
export interface ShellEnv {
  get(name: string): string | undefined
  set(name: string, value: string): void
  unset(name: string): void
  export(name: string): void
  isExported(name: string): boolean
  /** Exported variables, as `env` prints them. */
  exported(): Record<string, string>
  /** Every variable, exported or not (`set`, `declare -p`); absent: only the exported ones are known. */
  all?(): Record<string, string>
  /** The indexed array NAME as this scope sees it (arrays.ts), not to be changed; undefined when NAME is no array. */
  array(name: string): IndexedArray | undefined
  /** The associative array NAME as this scope sees it, not to be changed; undefined when NAME is none. */
  assoc(name: string): AssocArray | undefined
  /** Keep `value` as the array NAME where an assignment to NAME would go. */
  putArray(name: string, value: IndexedArray | AssocArray): void
  /** The array NAME where an assignment would go, to change in place: copied there first when only inherited. */
  ownArray(name: string): IndexedArray | undefined
  /** The same for an associative array. */
  ownAssoc(name: string): AssocArray | undefined
  /** The names of the arrays this scope sees (`set`, `declare -p`); absent: none. */
  arrayNames?(): string[]
}

export interface CommandContext {
  /** argv[0] is the command name as typed. */
  argv: string[]
  /** Everything written to the command's standard input (the executor buffers pipes). */
  stdin: string
  /** Whether stdin is the terminal (nothing piped or redirected in). */
  stdinIsTTY: boolean
  /** Whether stdout goes to the terminal (not a pipe, not a file). */
  stdoutIsTTY: boolean
  stdout(text: string): void
  stderr(text: string): void
  /**
   * The terminal's own echo, as its driver writes it (`^C` when Ctrl+C reaches a program that
   * handles it, such as kubectl get -w): on the terminal whatever the command's redirections.
   * Absent where a command has no terminal of its own.
   */
  ttyEcho?(text: string): void
  env: ShellEnv
  fs: HomeFs
  lab: LabServices
  /** The shell itself, for builtins such as history, clear and help. */
  shell: ShellHandle
  /**
   * Ctrl+C while this command line runs. A command that loops over much data or waits checks it
   * (`signal?.throwIfAborted()`); the executor also stops a command at its next write.
   */
  signal?: CommandSignal
  /**
   * A command that stops reading its standard input before its end (head after its lines) says
   * so: a pipe's writer is then stopped quietly, as SIGPIPE stops it in bash (sigpipe.ts).
   */
  closeStdin?(): void
}

export interface ShellHandle {
  history(): string[]
  clearScreen(): void
  /**
   * A full-screen program's screen, as ncurses' initscr() and endwin() switch xterm's alternate
   * screen: what is shown after `alternateScreen(true)` goes at `alternateScreen(false)`, and the
   * screen from before comes back. A host without a screen ignores it.
   */
  alternateScreen(on: boolean): void
  commands(): CommandSpec[]
  /** Whose builtins the shell has (a container's ash or dash: their statuses differ from bash's); bash when absent. */
  dialect?: ShellDialect
  /**
   * Run `text` as `sh -c` would, in a subshell of this shell with `env`, stdout and stderr
   * captured together in the order written (watch). Absent in hosts that do not offer it.
   */
  runCaptured?(text: string, env: ShellEnv): Promise<{ output: string; exitCode: number }>
  /** The same with stdout and stderr apart (awk's `"cmd" | getline` and system()). */
  runSplit?(text: string, env: ShellEnv): Promise<{ stdout: string; stderr: string; exitCode: number }>
  /** Whether `readonly` (or `declare -r`) marked this variable: unset and export then refuse it. */
  isReadonly?(name: string): boolean
  /** The shell's functions, for `unset -f` (and `unset NAME` when no variable has the name). */
  functions?: { has(name: string): boolean; delete(name: string): boolean }
  /** Start a new bash as a program of this one (`bash -c`, `bash FILE`); resolves to its status. */
  runChild?(child: ChildShell): Promise<number>
}

export interface ScriptPiece {
  text: string
  line?: number
  /** `inFunction`: a function of the script was running when the message was written. */
  reword?: (stderr: string, line: number, inFunction: boolean) => string
}

/** How a shell that is not interactive was started: `-c` (the script is an argument), a script on its standard input, or a script file. */
export type ScriptInvocation = 'c' | 'stdin' | 'file'

/**
 * A bash started by the shell's `bash` program: it gets the exported variables only (no functions,
 * aliases or options), its own `$0` and positional parameters, the same files and working directory
 * (a `cd` there stays its own), and reads `stdin`. Its script's pieces run in turn, each piece's
 * error lines through `reword` (a script file's messages name the file and line).
 */
export interface ChildShell {
  /**
   * What it runs, piece by piece: each from its `line` of the script, its error lines passed
   * through `reword` with the line of the command that wrote them (0 when none has run yet).
   */
  pieces: ScriptPiece[]
  arg0: string
  positional: string[]
  invocation: ScriptInvocation
  /** dash for the workstation's sh; bash when absent. */
  dialect?: ShellDialect
  /** The program's path as bash takes it for $BASH (the word typed when it has a slash, else where PATH found it). */
  path?: string
  /** Its environment: the variables exported to the command that started it. */
  environment: Record<string, string>
  /** Options as `set` takes them (`-e`, `-x`, `-o pipefail`), set before the script runs. */
  options: string[]
  stdin: string
  /** Whether what it writes goes to the terminal (ls prints columns there). */
  stdoutIsTTY: boolean
  write(stream: 'stdout' | 'stderr', text: string): void
  /** Ctrl+C of the command line that started it. */
  signal?: { readonly aborted: boolean }
}

export interface FlagSpec {
  /** Long name without dashes, e.g. `namespace`. */
  name: string
  /** One-letter short form without the dash, e.g. `n`. */
  short?: string
  /** Whether the flag takes a value. */
  takesValue: boolean
  help: string
}

/** Whose builtins a shell has: GNU bash (the workstation), or a container's sh (busybox ash, or Debian's dash). */
export type ShellDialect = 'bash' | 'ash' | 'dash'

/** A command module: a declarative spec (help and tab completion come from it) and a run function. */
export interface CommandSpec {
  name: string
  /** One line for `help`. */
  summary: string
  /** Usage line(s) shown by `help NAME` and on usage errors. */
  usage: string
  flags?: FlagSpec[]
  /** Words completed after the command name (e.g. kubectl verbs). */
  subcommands?: string[]
  /** Runs the command; resolves to its exit status. */
  run(ctx: CommandContext): Promise<number>
  /**
   * Set on a stand-in for a name no program has, which only says so when run (a container's
   * `sh: x: not found`): `type` and `command -v` do not take it for a program.
   */
  missing?: true
  /** Set on a program of the system that the lab does not run (commands/unsimulated.ts): `help` leaves it out. */
  unsimulated?: true
}
