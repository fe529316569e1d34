// sh on the workstation is Debian's dash: `sh -c SCRIPT [NAME [ARGS...]]`, `sh FILE [ARGS...]` and
// a script on standard input, each in a new shell (Shell.runChild) that speaks as dash does: its
// builtins, `$-`, and its messages (`sh: 1: x: not found`; a script's name its file and line).
// Imitates: dash 0.5.12 (options.c procargs, main.c), as Debian 12 has it as /bin/sh.

import type { CommandSpec, ScriptInvocation, ScriptPiece } from '../types'
import { readInvocation, scriptPieces } from './bash'
import { byName, dashMessages } from '../dialectWords'

/** dash names the line of the command that failed (its messages here say 1, the first). */
const atLine = (line: number, text: string) => (line > 1 ? text.replace(/^([^\n:]*): 1: /gm, `$1: ${line}: `) : text)

export const sh: CommandSpec = {
  name: 'sh',
  summary: 'Run a script in a new sh (dash, as on Debian): sh -c SCRIPT [NAME ARGS...], sh FILE [ARGS...], or a script on standard input.',
  usage: 'sh [-eux] [-o option] [-c SCRIPT [NAME [ARGS...]] | -s [ARGS...] | FILE [ARGS...]]',
  async run(ctx) {
    const inv = readInvocation(ctx.argv.slice(1), [], {
      missing: (o) => `sh: 0: ${o} requires an argument\n`,
      illegal: (o) => `sh: 0: Illegal option ${o}\n`,
    })
    if ('error' in inv || 'version' in inv) {
      ctx.stderr('error' in inv ? inv.error : '')
      return 2
    }
    const { options, command, rest } = inv
    const start = (pieces: ScriptPiece[], arg0: string, positional: string[], invocation: ScriptInvocation, stdin: string) => {
      if (!ctx.shell.runChild) throw new Error('sh: no shell to start here')
      return ctx.shell.runChild({
        pieces, arg0, positional, invocation, options, stdin, dialect: 'dash', stdoutIsTTY: ctx.stdoutIsTTY, signal: ctx.signal, environment: ctx.env.exported(),
        write: (stream, text) => (stream === 'stdout' ? ctx.stdout(text) : ctx.stderr(text)),
      })
    }
    if (command === 'c') {
      if (rest.length === 0) {
        ctx.stderr('sh: 0: -c requires an argument\n')
        return 2
      }
      const name = rest[1]
      return start([{ text: rest[0], reword: (t, line) => atLine(line, name === undefined ? dashMessages(t) : byName('dash', name, dashMessages(t))) }], name ?? 'sh', rest.slice(2), 'c', ctx.stdin)
    }
    if (command === 's' || rest.length === 0) {
      if (ctx.stdinIsTTY) {
        ctx.stderr("lab: the terminal runs bash, and an interactive sh is not offered: run a script with sh -c 'SCRIPT' or sh FILE\n")
        return 1
      }
      return start([{ text: ctx.stdin, reword: (t, line) => atLine(line, dashMessages(t)) }], 'sh', rest, 'stdin', '')
    }
    const file = rest[0]
    // dash reads a directory as an empty script
    if (ctx.fs.isDir(ctx.fs.resolve(file))) return 0
    const text = ctx.fs.readFile(ctx.fs.resolve(file))
    if (text === undefined) {
      ctx.stderr(`sh: 0: cannot open ${file}: No such file\n`)
      return 2
    }
    return start(scriptPieces(text, (line) => (t) => dashMessages(t).replace(/^sh: 1: /gm, () => `${file}: ${line}: `)), file, rest.slice(1), 'file', ctx.stdin)
  },
}
