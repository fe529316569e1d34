// `kubectl exec -it POD -- sh`: the container's shell in the foreground of the terminal. The lab
// sends the student's lines here, shows the container's prompt (`/ # `), and returns to the
// workstation on `exit` or Ctrl+D.

import type { Shell } from '../shell/shell'
import type { OutputChunk, RunResult } from '../shell/types'
import { containerMessages, type Personality } from '../shell/dialectWords'

const EXIT = /^\s*exit(?:\s+(-?\d+))?\s*;?\s*$/

export class ContainerSession {
  /** Set when the shell has ended: its exit status. */
  exitCode: number | undefined

  private readonly reword: (text: string) => string

  /**
   * `beforeLine`: brings the shell's copy of the container's files up to date (containerShell.ts);
   * false when the container has stopped meanwhile.
   */
  /**
   * What the command that opened this shell does when it ends, after `ended` (kubectl run -it:
   * wait for the pod, --rm): its output and status stand for the `exit` line's.
   */
  after?: (code: number) => Promise<RunResult>

  /**
   * `ended`: the shell is the container's main process (pods/attach): the container ends with its
   * status. (An exec'd shell's end changes nothing of the container.)
   */
  constructor(readonly shell: Shell, private personality: Personality, private beforeLine?: () => Promise<boolean>, readonly ended?: (code: number) => Promise<void>, private afterLine?: () => string) {
    this.reword = containerMessages(personality, false)
  }

  /** busybox ash's default PS1 `\w \$ ` for root; dash's `# `; bash in a Debian image: `root@HOST:\w# `. */
  prompt(): string {
    const cwd = this.shell.fs.cwd()
    const w = cwd === '/root' ? '~' : cwd.startsWith('/root/') ? `~${cwd.slice(5)}` : cwd
    if (this.personality === 'bash') return `root@${this.shell.env.get('HOSTNAME') ?? 'localhost'}:${w}# `
    if (this.personality === 'dash') return '# '
    return `${w} # `
  }

  async run(line: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult> {
    const m = EXIT.exec(line)
    if (m) {
      this.exitCode = m[1] !== undefined ? Number(m[1]) & 255 : this.shell.lastStatus
      return { stdout: '', stderr: '', exitCode: this.exitCode }
    }
    // the container stopped (its command ended, or it was deleted): its processes were killed
    // with SIGKILL, so the shell is gone with status 137 and the line never reached it
    if ((await this.beforeLine?.()) === false) {
      this.exitCode = 137
      return { stdout: '', stderr: '', exitCode: 137 }
    }
    const fix = (c: OutputChunk): OutputChunk => (c.stream !== 'stderr' ? c : { ...c, text: this.reword(c.text) })
    const r = await this.shell.run(line, onChunk ? (c) => onChunk(fix(c)) : undefined)
    if (this.shell.exited !== undefined) this.exitCode = this.shell.exited
    // what the line changed in the container's files stays in the container
    const lost = this.afterLine?.() ?? ''
    if (lost) onChunk?.({ stream: 'stderr', text: lost })
    return { ...r, stderr: this.reword(r.stderr) + lost }
  }

  /** Ctrl+D at the prompt: the shell reads end of input and exits with the last status. */
  eof(): RunResult {
    this.exitCode = this.shell.lastStatus
    return { stdout: '', stderr: '', exitCode: this.exitCode }
  }
}
