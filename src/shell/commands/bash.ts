// bash as a program of the workstation: `bash -c SCRIPT [NAME [ARGS...]]`, `bash FILE [ARGS...]`
// and a script on standard input (`... | bash`, `bash -s ARGS`), each in a new shell (Shell.runChild)
// with the set options it is given. Its messages name where they come from and the line of the
// command, as bash's do (a file, `-c`'s name, or a script read from standard input); an
// interactive bash inside the terminal is not offered.
// Imitates: bash 5.2 shell.c (parse_shell_options, run_one_command, open_shell_script).

import type { CommandSpec, ScriptInvocation, ScriptPiece } from '../types'
import { parseScript } from '../parser/parser'

/** `bash --version` of Debian 12's bash, the workstation's. */
const VERSION = `GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`

const USAGE = `Usage:\tbash [GNU long option] [option] ...
\tbash [GNU long option] [option] script-file ...
GNU long options:
${['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file', 'login', 'noediting', 'noprofile', 'norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'].map((o) => `\t--${o}\n`).join('')}Shell options:
\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)
\t-abefhkmnptuvxBCEHPT or -o option
`

/** The set options the lab's `set` has, as bash and dash take them when they start (-n: read, do not run; -v: show each input as read). */
const SET_LETTERS = 'enuvx'

/** The long options bash takes and the lab ignores (--version prints the version). */
const BASH_LONG = ['--version', '--norc', '--noprofile', '--noediting']

export type Invocation = { options: string[]; command?: 'c' | 's'; rest: string[] } | { error: string } | { version: true }

/**
 * The options bash and dash read before their script: set's letters and -o OPTION (for `set`),
 * -c, -s; `--` or `-` ends them. `longs`: the long options taken (bash's); any other word of two
 * dashes is bash's `invalid option` of the whole word, and dash's of `--`.
 */
export function readInvocation(args: string[], longs: readonly string[], words: { missing: (opt: string) => string; illegal: (opt: string) => string }): Invocation {
  const options: string[] = []
  let command: 'c' | 's' | undefined
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]
    if (a === '--' || a === '-') {
      i++
      break
    }
    if (longs.includes(a)) {
      if (a === '--version') return { version: true }
      continue
    }
    if (longs.length > 0 && a.startsWith('--')) return { error: words.illegal(a) }
    if (a === '-o' || a === '+o') {
      if (args[i + 1] === undefined) return { error: words.missing(a) }
      options.push(a, args[++i])
      continue
    }
    if (!/^[-+]./.test(a)) break
    for (const letter of a.slice(1)) {
      if (letter === 'c' || letter === 's') command = letter
      else if (SET_LETTERS.includes(letter)) options.push(`${a[0]}${letter}`)
      else return { error: words.illegal(`${a[0]}${letter}`) }
    }
  }
  return { options, command, rest: args.slice(i) }
}

/** How a bash that is not interactive rewords one of its messages: from the line of the command that wrote it, that line's text, and whether a function was running. */
export type Reword = (line: number, source: string, inFunction: boolean) => (stderr: string) => string

/**
 * The pieces of a script, each run from its own line, its error lines passed through
 * `reword(line, source, inFunction)`: `line` is the line of the command that wrote them (the
 * piece's first command's when none has run: a syntax error), `source` that line's text.
 */
export function scriptPieces(text: string, reword: Reword): ScriptPiece[] {
  const script = parseScript(text)
  const ends = script.chunkEnds.length > 0 ? script.chunkEnds : [text.length]
  const out: ScriptPiece[] = []
  const lines = text.split('\n')
  // the line each piece's first command is on, counted as the pieces go (not from the start each time)
  let line = 1
  let start = 0
  for (const end of [...ends, ...(ends.at(-1)! < text.length ? [text.length] : [])]) {
    const piece = text.slice(start, end)
    const lead = piece.length - piece.trimStart().length
    const at = line + newlines(piece.slice(0, lead))
    if (piece.trim() !== '') out.push({ text: piece, line, reword: (stderr, now, inFunction) => reword(now || at, lines[(now || at) - 1] ?? '', inFunction)(stderr) })
    line += newlines(piece)
    start = end
  }
  return out
}

const newlines = (s: string) => s.split('\n').length - 1

/** The parser's messages (the script's text is wrong), as opposed to a command's. */
const fromParser = (m: string) => m.startsWith('syntax error') || m.startsWith('unexpected EOF')

/**
 * bash's messages, as a bash that is not interactive names them: `where: line N: ` before a
 * command's (`inFunction`: one a function ran), `parser: line N: ` before the parser's, and a
 * syntax error is followed by its line, quoted. A message worded so already (a bash it started in
 * turn) is left as it is.
 */
const named =
  (where: { command: string; parser: string; inFunction: string }): Reword =>
  (line, source, inFunction) =>
  (stderr) =>
    stderr.replace(/^bash: (.*)$/gm, (whole, m: string) => {
      if (/^(-c: )?line \d+: /.test(m)) return whole
      if (!fromParser(m)) return `${inFunction ? where.inFunction : where.command}: line ${line}: ${m}`
      return `${where.parser}: line ${line}: ${m}${m.startsWith('syntax error') ? `\n${where.parser}: line ${line}: \`${source}'` : ''}`
    })

/** A script file's messages name the file. */
const bashReword = (file: string) => named({ command: file, parser: file, inFunction: file })
/** `bash -c`'s name the script's name ($0) and, for the parser's, `-c`; a function's, bash 5.2's `environment`. */
const commandReword = (name: string) => named({ command: name, parser: `${name}: -c`, inFunction: 'environment' })
/** A script read from standard input: `bash`, and a function's `main`. */
const stdinReword = named({ command: 'bash', parser: 'bash', inFunction: 'main' })

export const bash: CommandSpec = {
  name: 'bash',
  summary: 'Run a script in a new bash: bash -c SCRIPT [NAME ARGS...], bash FILE [ARGS...], or a script on standard input.',
  usage: 'bash [-enuvx] [-o option] [-c SCRIPT [NAME [ARGS...]] | -s [ARGS...] | FILE [ARGS...]]',
  async run(ctx) {
    const inv = readInvocation(ctx.argv.slice(1), BASH_LONG, {
      missing: (o) => `bash: ${o}: option requires an argument\n`,
      illegal: (o) => `bash: ${o}: invalid option\n${USAGE}`,
    })
    if ('version' in inv) {
      ctx.stdout(VERSION)
      return 0
    }
    if ('error' in inv) {
      ctx.stderr(inv.error)
      return 2
    }
    const { options, command, rest } = inv
    const start = (p: ScriptPiece[], arg0: string, positional: string[], invocation: ScriptInvocation, stdin: string) => {
      if (!ctx.shell.runChild) throw new Error('bash: no shell to start here')
      const path = ctx.argv[0]!.includes('/') ? ctx.argv[0] : '/usr/bin/bash'
      return ctx.shell.runChild({ pieces: p, arg0, positional, invocation, options, stdin, path, environment: ctx.env.exported(), stdoutIsTTY: ctx.stdoutIsTTY, signal: ctx.signal, write: (stream, text) => (stream === 'stdout' ? ctx.stdout(text) : ctx.stderr(text)) })
    }
    if (command === 'c') {
      if (rest.length === 0) {
        ctx.stderr('bash: -c: option requires an argument\n')
        return 2
      }
      const name = rest[1] ?? 'bash'
      return start(scriptPieces(rest[0], commandReword(name)), name, rest.slice(2), 'c', ctx.stdin)
    }
    if (command === 's' || rest.length === 0) {
      if (ctx.stdinIsTTY) {
        ctx.stderr("lab: the terminal already runs bash: type the commands here, or run a script with bash -c 'SCRIPT' or bash FILE\n")
        return 1
      }
      return start(scriptPieces(ctx.stdin, stdinReword), 'bash', rest, 'stdin', '')
    }
    const file = rest[0]
    if (ctx.fs.isDir(ctx.fs.resolve(file))) {
      ctx.stderr(`${file}: ${file}: Is a directory\n`)
      return 126
    }
    const text = ctx.fs.readFile(ctx.fs.resolve(file))
    if (text === undefined) {
      ctx.stderr(`bash: ${file}: No such file or directory\n`)
      return 127
    }
    return start(scriptPieces(text, bashReword(file)), file, rest.slice(1), 'file', ctx.stdin)
  },
}
