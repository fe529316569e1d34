// Runs parsed command lists the way bash's execute_cmd.c does: and-or lists with `$?`, pipelines
// whose members run one after another with the previous stdout buffered as the next stdin,
// subshells and command substitutions in a child scope, prefix assignments for one command.

import type { AndOr, Command, List, Pipeline, SimpleCommand } from './parser/ast'
import type { CommandContext, CommandSpec, HomeFs, LabServices, OutputChunk, ShellEnv, ShellHandle } from './types'
import { ExpansionError, expandString, expandWords, type ExpandContext } from './expand'
import { applyRedirects, isTerminal, type IO, type Sink } from './redirect'
import { OverlayEnv } from './env'
import { isWorkingFs } from './fs'

export interface ExecHost {
  fs: HomeFs
  lab: LabServices
  shell: ShellHandle
  lookup(name: string): CommandSpec | undefined
  /** Output that reaches the terminal, in write order. */
  emit(chunk: OutputChunk): void
}

export class Executor {
  /** `$?`: the status of the last command run. */
  status = 0

  constructor(private host: ExecHost) {}

  async runList(list: List, io: IO, env: ShellEnv): Promise<number> {
    for (const item of list.items) await this.runAndOr(item, io, env)
    return this.status
  }

  write(sink: Sink, text: string): void {
    if (!text) return
    switch (sink.kind) {
      case 'terminal':
        this.host.emit({ stream: sink.stream, text })
        break
      case 'buffer':
        sink.buf.text += text
        break
      case 'file':
        this.host.fs.writeFile(sink.path, text, true)
        break
    }
  }

  private async runAndOr(item: AndOr, io: IO, env: ShellEnv): Promise<void> {
    this.status = await this.runPipeline(item.first, io, env)
    for (const { op, pipeline } of item.rest) {
      if ((op === '&&') !== (this.status === 0)) continue
      this.status = await this.runPipeline(pipeline, io, env)
    }
  }

  private async runPipeline(p: Pipeline, io: IO, env: ShellEnv): Promise<number> {
    let status = 0
    if (p.commands.length === 1) status = await this.runCommand(p.commands[0], io, env)
    else {
      let stdin = io.stdin
      let stdinIsTTY = io.stdinIsTTY
      for (let i = 0; i < p.commands.length; i++) {
        const last = i === p.commands.length - 1
        const buf = { text: '' }
        const out: Sink = last ? io.out : { kind: 'buffer', buf }
        // Every member of a pipeline runs in a subshell: its assignments do not persist.
        const member = p.commands[i]
        status = await this.inSubshell(() => this.runCommand(member, { stdin, stdinIsTTY, out, err: io.err }, new OverlayEnv(env)))
        this.status = status
        stdin = buf.text
        stdinIsTTY = false
      }
    }
    return p.negated ? Number(status === 0) : status
  }

  private expandContext(env: ShellEnv, io: IO): ExpandContext {
    return {
      env,
      lastStatus: () => this.status,
      substitute: async (body) => {
        const buf = { text: '' }
        const status = await this.inSubshell(() =>
          this.runList(body, { stdin: '', stdinIsTTY: io.stdinIsTTY, out: { kind: 'buffer', buf }, err: io.err }, new OverlayEnv(env)),
        )
        return { stdout: buf.text, status }
      },
    }
  }

  /** Run with the working directory restored afterwards, as a forked subshell would leave it. */
  private async inSubshell(fn: () => Promise<number>): Promise<number> {
    const fs = this.host.fs
    const cwd = fs.cwd()
    try {
      return await fn()
    } finally {
      if (isWorkingFs(fs) && fs.cwd() !== cwd) fs.chdir(cwd)
    }
  }

  private async runCommand(cmd: Command, io: IO, env: ShellEnv): Promise<number> {
    const ectx = this.expandContext(env, io)
    try {
      if (cmd.kind === 'subshell') {
        const sub = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
        return await this.inSubshell(() => this.runList(cmd.body, sub, new OverlayEnv(env)))
      }
      return await this.runSimple(cmd, io, env, ectx)
    } catch (e) {
      if (e instanceof ExpansionError) {
        this.write(io.err, `bash: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`)
        return 1
      }
      throw e
    }
  }

  private async runSimple(cmd: SimpleCommand, io: IO, env: ShellEnv, ectx: ExpandContext): Promise<number> {
    const argv = await expandWords(cmd.words, ectx)
    if (argv.length === 0) {
      // Only assignments (and maybe redirections): they change the shell itself, left to right.
      for (const a of cmd.assignments) env.set(a.name, await expandString(a.value.parts, ectx))
      await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
      return ectx.substStatus ?? 0
    }
    const values: [string, string][] = []
    for (const a of cmd.assignments) values.push([a.name, await expandString(a.value.parts, ectx)])
    const cio = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
    const name = argv[0]
    const spec = this.host.lookup(name)
    if (!spec) {
      const msg = name.includes('/') ? `${name}: No such file or directory` : `${name}: command not found`
      this.write(cio.err, `bash: ${msg}\n`)
      return 127
    }
    let cenv = env
    if (values.length > 0) {
      const overlay = new OverlayEnv(env)
      for (const [n, v] of values) {
        overlay.set(n, v)
        overlay.export(n)
      }
      cenv = overlay
    }
    const ctx: CommandContext = {
      argv,
      stdin: cio.stdin,
      stdinIsTTY: cio.stdinIsTTY,
      stdoutIsTTY: isTerminal(cio.out),
      stdout: (t) => this.write(cio.out, t),
      stderr: (t) => this.write(cio.err, t),
      env: cenv,
      fs: this.host.fs,
      lab: this.host.lab,
      shell: this.host.shell,
    }
    try {
      const status = await spec.run(ctx)
      return Number.isInteger(status) ? status & 0xff : 1
    } catch (e) {
      this.write(cio.err, `${name}: ${e instanceof Error ? e.message : String(e)}\n`)
      return 1
    }
  }
}
