// `kubectl exec -it POD -- sh`: the container's shell in the foreground of the terminal. The lab
// sends the student's lines here, shows the container's prompt (`/ # `), and returns to the
// workstation on `exit` or Ctrl+D.

import type { Shell } from '../shell/shell'
import type { OutputChunk, RunResult } from '../shell/types'

/**
 * Busybox ash says `sh: x: not found` where bash says `bash: x: command not found`. (The applets'
 * own messages are busybox's already: busyboxWords.ts rewords each as it writes.) A builtin's
 * error names the line of a script (`-c`'s is line 0); an interactive shell's does not.
 */
export function ashMessages(text: string, script = true): string {
  const line = script ? 'line 0: ' : ''
  return posixWords(text)
    .replace(/^bash: cd: (.*): (No such file or directory|Not a directory)$/gm, `sh: cd: ${line}can't cd to $1: $2`)
    .replace(/^bash: exit: (.*): numeric argument required$/gm, `sh: exit: ${line}Illegal number: $1`)
    .replace(/^bash: (export|readonly|unset|set|local|trap): /gm, `sh: $1: ${line}`)
    .replace(/^bash: .*: division by 0 \(error token is ".*"\)$/gm, 'sh: divide by zero')
    .replace(/^bash: (?:test|\[): (.*): integer expression expected$/gm, 'sh: $1: bad number')
    .replace(/^bash: (.*): command not found$/gm, 'sh: $1: not found').replace(/^bash: /gm, 'sh: ')
    // ash's printf builtin
    .replace(/^sh: printf: (.*): invalid number$/gm, "sh: invalid number '$1'")
    .replace(/^printf: usage: printf \[-v var\] format \[arguments\]$/gm, 'sh: usage: printf FORMAT [ARGUMENT...]')
}

/** dash (Debian's sh) names the script's line: `sh: 1: x: not found`; the GNU tools speak for themselves. */
export function dashMessages(text: string): string {
  return posixWords(text)
    .replace(/^bash: cd: (.*): (No such file or directory|Not a directory)$/gm, "sh: 1: cd: can't cd to $1")
    .replace(/^bash: exit: (.*): numeric argument required$/gm, 'sh: 1: exit: Illegal number: $1')
    .replace(/^bash: (.*): division by 0 \(error token is ".*"\)$/gm, 'sh: 1: arithmetic expression: division by zero: "$1"')
    .replace(/^bash: (test|\[): (.*): integer expression expected$/gm, 'sh: 1: $1: Illegal number: $2')
    .replace(/^bash: (.*): command not found$/gm, 'sh: 1: $1: not found').replace(/^bash: /gm, 'sh: 1: ')
}

/** What ash and dash both say otherwise than bash. */
const posixWords = (text: string) => text.replace(/^(bash: .*): parameter null or not set$/gm, '$1: parameter not set or null')

/** Who speaks in a container's shell: busybox ash, dash, or bash. */
export type Personality = 'sh' | 'dash' | 'bash'

/** The stderr rewording for a shell of this personality (bash's own messages stay as they are); `script`: not interactive. */
export function containerMessages(personality: Personality, script = true): (text: string) => string {
  if (personality === 'sh') return (t) => ashMessages(t, script)
  if (personality === 'dash') return dashMessages
  return (t) => t
}

const EXIT = /^\s*exit(?:\s+(-?\d+))?\s*;?\s*$/

export class ContainerSession {
  /** Set when the shell has ended: its exit status. */
  exitCode: number | undefined

  private readonly reword: (text: string) => string

  /**
   * `beforeLine`: brings the shell's copy of the container's files up to date (containerShell.ts);
   * false when the container has stopped meanwhile.
   */
  constructor(readonly shell: Shell, private personality: Personality, private beforeLine?: () => Promise<boolean>) {
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
    return { ...r, stderr: this.reword(r.stderr) }
  }

  /** Ctrl+D at the prompt: the shell reads end of input and exits with the last status. */
  eof(): RunResult {
    this.exitCode = this.shell.lastStatus
    return { stdout: '', stderr: '', exitCode: this.exitCode }
  }
}
