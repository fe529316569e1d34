// Running a script of commands through a fresh lab and printing what a terminal would show.
// Used by `npm run transcript`, the golden-transcript tests and the lessons' replays.

import type { Lab } from './lab'

export interface TranscriptEntry {
  command: string
  stdout: string
  stderr: string
  exitCode: number
  /** Lab time after the command, RFC 3339. */
  now: string
  /** stdout and stderr interleaved in the order they were written, as a terminal shows them. */
  shown: string
}

/**
 * Split a script into commands: skip empty lines and `#` comment lines; join the lines of one
 * command (a trailing backslash, an open quote, a here-document) the way the shell's
 * continuation prompt would.
 */
export function splitCommands(text: string, needsMoreInput: (s: string) => boolean): string[] {
  const commands: string[] = []
  let pending: string | undefined
  for (const line of text.split('\n')) {
    if (pending === undefined) {
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue
      pending = line
    } else {
      pending += `\n${line}`
    }
    if (!needsMoreInput(pending)) {
      commands.push(pending)
      pending = undefined
    }
  }
  if (pending !== undefined) commands.push(pending)
  return commands
}

export async function runTranscript(lab: Lab, script: string): Promise<TranscriptEntry[]> {
  const entries: TranscriptEntry[] = []
  for (const command of splitCommands(script, (s) => lab.needsMoreInput(s))) {
    let shown = ''
    const r = await lab.run(command, (c) => { shown += c.text })
    entries.push({ command, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, now: lab.now(), shown })
  }
  return entries
}

/** `$ command` then what the terminal showed; output without a final newline is ended as the next prompt would. */
export function formatTranscript(entries: TranscriptEntry[]): string {
  let out = ''
  for (const e of entries) {
    out += `$ ${e.command.replace(/\n/g, '\n> ')}\n`
    out += e.shown
    if (e.shown !== '' && !e.shown.endsWith('\n')) out += '\n'
  }
  return out
}
