// The container shell in the foreground of the terminal: `kubectl exec -it POD -- sh` opens one,
// and so does `kubectl run -it -- sh` (attached to the container's main process). The lab sends
// the student's lines to it until `exit` or Ctrl+D, then the workstation's prompt comes back.
// An exec'd shell's end is reported as kubectl exec reports it (`command terminated with exit
// code N`); an attached one ends its container, and what kubectl run does then (wait for the pod,
// delete it with --rm) gives the `exit` line its output. Either way `$?` at the workstation is
// the kubectl command's status.

import type { ContainerSession } from './containerSession'
import type { OutputChunk, RunResult } from '../shell/types'

export class Foreground {
  /** The shell holding the terminal, if any. */
  session: ContainerSession | undefined
  /** A shell opened by the command running now: it takes the terminal when the command ends. */
  private pending: ContainerSession | undefined
  /** What the command running now does when the shell it opened ends (kubectl run -it). */
  private pendingAfter: ((code: number) => Promise<RunResult>) | undefined

  /** `status`: sets the workstation's `$?`. */
  constructor(private changed: () => void, private status: (code: number) => void) {}

  /** A command opened a shell (containerShell.ts). */
  opened(s: ContainerSession): void {
    this.pending = s
  }

  /** The command that opens a shell says what it does when that shell ends. */
  afterSession(fn: (code: number) => Promise<RunResult>): void {
    this.pendingAfter = fn
  }

  /** A workstation command starts: nothing it did not open itself takes the terminal. */
  starting(): void {
    this.pending = undefined
    this.pendingAfter = undefined
  }

  /** The workstation command ended: a shell it opened takes the terminal (unless `keep` is false: the lab was reset or undone). */
  ended(keep: boolean): void {
    if (this.pending && keep) {
      this.session = this.pending
      this.session.after = this.pendingAfter
    }
    this.pending = undefined
    this.pendingAfter = undefined
  }

  prompt(): string | undefined {
    return this.session?.prompt()
  }

  async run(line: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult> {
    const s = this.session!
    const r = await s.run(line, onChunk)
    if (s.exitCode === undefined) {
      this.changed()
      return r
    }
    const end = await this.end(s, r)
    if (end.stdout) onChunk?.({ stream: 'stdout', text: end.stdout })
    if (end.stderr) onChunk?.({ stream: 'stderr', text: end.stderr })
    return { ...end, stdout: r.stdout + end.stdout, stderr: r.stderr + end.stderr }
  }

  /** Ctrl+D at the shell's prompt: it reads end of input. */
  async endOfInput(): Promise<RunResult | undefined> {
    const s = this.session
    if (!s) return undefined
    const r = s.eof()
    const end = await this.end(s, r)
    return { ...end, stdout: r.stdout + end.stdout, stderr: r.stderr + end.stderr }
  }

  /** Back at the workstation: what the opening command says as the shell ends (only that: the shell's own output is shown already). */
  private async end(s: ContainerSession, r: RunResult): Promise<RunResult> {
    this.session = undefined
    const code = r.exitCode
    await s.ended?.(code)
    const end = s.after ? await s.after(code) : { stdout: '', stderr: code === 0 ? '' : `command terminated with exit code ${code}\n`, exitCode: code }
    this.status(end.exitCode)
    this.changed()
    return end
  }
}
