// SIGPIPE in a shell whose pipeline members run one after another (executor.ts): when the reader
// of a pipe ends before reading all of it (`head` after its lines, a command that never reads
// its input), a writer that would have gone on forever (`yes`, a huge `seq`) is killed by
// SIGPIPE in bash: it prints nothing and its status is 141, and the pipeline's status is the
// last command's. Here such a writer is stopped by its output budget instead (limits.ts); its
// notice is held until the pipeline has ended, and shown only if the rest of the pipeline did
// read all it wrote (`yes | wc -l`, which bash would run forever).

import type { CommandContext } from './types'

/** One pipe of a pipeline: how its reader used it, and the writer's held notice. */
export class PipeEnd {
  /** A command read this pipe to its end (it did not stop early). */
  drained = false
  /** The writer's budget notice, waiting for the pipeline's end. */
  held: (() => void) | undefined
}

/**
 * The pipeline ended: show the held notices of the writers whose output was read to the end by
 * a reader that was not itself cut off (a reader killed by SIGPIPE stops reading its own input).
 * `pipes[i]` joins member i to member i + 1.
 */
export function settlePipes(pipes: readonly PipeEnd[]): boolean[] {
  const cuts: boolean[] = []
  let readerCut = false
  for (let i = pipes.length - 1; i >= 0; i--) {
    const cut: boolean = !pipes[i].drained || readerCut
    cuts[i] = cut
    if (!cut) pipes[i].held?.()
    readerCut = cut
  }
  return cuts
}

/**
 * A member in the middle (`yes | cat | head -1`) that read all of an endless writer's output wrote
 * an endless stream too: where its own reader stopped early, SIGPIPE would have ended it (141).
 * `statuses[i]` is member i's, `pipes[i]` joins member i to i + 1, `cuts` from settlePipes.
 */
export function sigpipeStatuses(statuses: number[], pipes: readonly PipeEnd[], cuts: readonly boolean[]): void {
  let endless = pipes[0]?.held !== undefined
  for (let i = 1; i < pipes.length; i++) {
    endless = (endless && pipes[i - 1].drained) || pipes[i].held !== undefined
    if (endless && cuts[i] && statuses[i] === 0) statuses[i] = 128 + 13
  }
}

/** Tracks whether one command read its standard input, and whether it said it stopped early. */
export class StdinUse {
  read = false
  closed = false

  /** Watch a command's context: its `stdin` read, its `closeStdin()` called. */
  static watch(ctx: CommandContext, stdin: string): StdinUse {
    const use = new StdinUse()
    Object.defineProperty(ctx, 'stdin', {
      get() {
        use.read = true
        return stdin
      },
      enumerable: true,
      configurable: true,
    })
    ctx.closeStdin = () => {
      use.closed = true
    }
    return use
  }

  /** After the command: a pipe read to its end is drained. */
  settle(pipe: PipeEnd | undefined): void {
    if (pipe && this.read && !this.closed) pipe.drained = true
  }
}
