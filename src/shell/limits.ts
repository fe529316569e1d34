// The shell's budgets, in one place: how much work one command line may do and how much data
// files, words and one command's output may hold, with the messages a student sees when a budget
// is spent. Sizes count UTF-16 code units (one per character for the ASCII a lab mostly holds).
//
// Exit statuses, chosen to match what bash reports when a real limit or signal stops a command:
// * Ctrl+C: `^C`, status 130 (128 + SIGINT), and the rest of the command line does not run.
// * The step budget: status 152 (128 + SIGXCPU, as a CPU-time ulimit would give); the rest of
//   the command line does not run either.
// * One command's output past its budget: the output is cut, the command is stopped with status
//   141 (128 + SIGPIPE, as when the reader of a pipe goes away) and the line goes on.
// * A file past its size or the home folder past its total: the write fails as with EFBIG or
//   ENOSPC (`cat: write error: File too large`, `bash: echo: write error: No space left on
//   device`), status 1, as coreutils and bash do.
// * A word or variable past its size: `bash: ...: expansion too long`, status 1.

export interface ShellLimits {
  /** Steps (commands run, pipeline stages, word expansions) in one command line. */
  maxSteps: number
  /** Characters one command may write to the terminal or into one pipe. */
  maxOutput: number
  /** Characters all commands of one command line may write to the terminal. */
  maxLineOutput: number
  /** Characters in one expanded word, assignment, here-document or command substitution. */
  maxValue: number
  /** Characters in one file of the home filesystem. */
  maxFile: number
  /** Characters in all files of the home filesystem together. */
  maxFsTotal: number
}

const MiB = 1024 * 1024

export const DEFAULT_LIMITS: Readonly<ShellLimits> = Object.freeze({
  maxSteps: 100_000,
  maxOutput: MiB,
  maxLineOutput: 4 * MiB,
  maxValue: MiB,
  maxFile: MiB,
  maxFsTotal: 8 * MiB,
})

export const STATUS_INTERRUPTED = 130
export const STATUS_STEPS = 152
export const STATUS_OUTPUT = 141

/** A size for messages: `1 MiB`, `512 KiB`, `300 characters`. */
export function formatSize(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`
  return `${n} characters`
}

/**
 * Thrown to stop the whole command line (Ctrl+C, the step budget). The shell prints `message`
 * on standard error and sets `$?` to `status`. Commands must let it pass (the executor also
 * remembers it, so a command that catches everything is stopped all the same).
 */
export class ShellStop {
  constructor(readonly reason: 'interrupt' | 'steps' | 'output', readonly message: string, readonly status: number) {}
}

/**
 * Thrown through a program when `timeout`'s deadline comes (timeout.ts): the program ends there,
 * and timeout gives the status. A program that catches what it throws lets this one through.
 */
export class ProgramTimedOut extends Error {}

export function interruptStop(): ShellStop {
  return new ShellStop('interrupt', '^C\n', STATUS_INTERRUPTED)
}

export function stepsStop(limits: ShellLimits): ShellStop {
  return new ShellStop(
    'steps',
    `bash: stopped after ${limits.maxSteps} steps, the lab's limit for one command line: ` +
      'look for a loop that never ends or a function that calls itself\n',
    STATUS_STEPS,
  )
}

/** Thrown by a sink whose command wrote more than its output budget; stops that command only. */
export class OutputStop {
  constructor(
    readonly message: string,
    /** Where the command was writing when its budget ran out. */
    readonly where: 'terminal' | 'pipe' | 'null' = 'terminal',
  ) {}
}

export function outputNotice(name: string, where: 'terminal' | 'pipe' | 'null', limits: ShellLimits): string {
  const size = formatSize(limits.maxOutput)
  if (where === 'terminal') return `lab: output of ${name} cut after ${size}, the lab's limit for one command: narrow it with head, tail or grep\n`
  return `lab: ${name} stopped after writing ${size}${where === 'pipe' ? ' into a pipe' : ''}, the lab's limit for one command\n`
}

export function lineOutputNotice(limits: ShellLimits): string {
  return `lab: output cut after ${formatSize(limits.maxLineOutput)}, the lab's limit for one command line\n`
}

/** A write refused by the home filesystem, with the errno text coreutils print. */
export class FsWriteError extends Error {
  constructor(readonly errno: 'EFBIG' | 'ENOSPC') {
    super(errno === 'EFBIG' ? 'File too large' : 'No space left on device')
  }
}

export function fsLimitHint(limits: ShellLimits): string {
  return `lab: a file holds at most ${formatSize(limits.maxFile)} and all files together at most ${formatSize(limits.maxFsTotal)}: remove files you no longer need with rm\n`
}

export function expansionTooLong(maxValue: number): string {
  return `expansion too long: more than ${formatSize(maxValue)}, the lab's limit for one word or variable`
}

/** What commands see of the budgets: Ctrl+C, for commands that loop over much data. */
export interface CommandSignal {
  /** True once the lab's interrupt() was called (Ctrl+C) while this command line runs. */
  readonly aborted: boolean
  /** Throws the stop when aborted; call it in long loops. */
  throwIfAborted(): void
  /**
   * A Ctrl+C the host handed to the command (LabServices.pace said false) ends it as SIGINT's
   * default action does: the command line stops there (`^C`, status 130), as at any other Ctrl+C.
   */
  killedByInterrupt(): never
}
