// The terminal's screen as data: finished lines and the unfinished last line (output that did
// not end with a newline, after which the next prompt continues on the same line).

export type SegmentKind = 'out' | 'err' | 'prompt' | 'input' | 'note' | 'warn'

export interface Segment {
  kind: SegmentKind
  text: string
  /**
   * Standard error of a command line that ended with status 0 (kubectl's `No resources found`, a
   * warning): still told apart from standard output, but not shown as a failure.
   */
  ok?: true
}

export interface TermLine {
  /** Stable key for React; lines never change once finished. */
  id: number
  segs: Segment[]
}

export interface Screen {
  lines: TermLine[]
  /** The unfinished last line. */
  partial: Segment[]
  nextId: number
}

/** Lines kept on screen; older ones scroll away for good (like a terminal's scrollback). */
export const MAX_LINES = 5000

export const emptyScreen = (): Screen => ({ lines: [], partial: [], nextId: 1 })

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

/** What a terminal would show of raw program output: CRLF as LF, colour codes dropped. */
export function normalizeOutput(text: string): string {
  return text.replace(ANSI, '').replace(/\r+\n/g, '\n').replace(/\r/g, '')
}

function pushSeg(segs: Segment[], kind: SegmentKind, text: string): Segment[] {
  if (text === '') return segs
  const last = segs[segs.length - 1]
  if (last && last.kind === kind) return [...segs.slice(0, -1), { kind, text: last.text + text }]
  return [...segs, { kind, text }]
}

function cap(lines: TermLine[]): TermLine[] {
  return lines.length > MAX_LINES ? lines.slice(lines.length - MAX_LINES) : lines
}

/** Write text of one kind: split at newlines, finishing lines as a terminal would. */
export function write(screen: Screen, kind: SegmentKind, raw: string): Screen {
  const text = kind === 'out' || kind === 'err' ? normalizeOutput(raw) : raw
  if (text === '') return screen
  const parts = text.split('\n')
  let { partial, nextId } = screen
  const added: TermLine[] = []
  for (let i = 0; i < parts.length; i++) {
    partial = pushSeg(partial, kind, parts[i])
    if (i < parts.length - 1) {
      added.push({ id: nextId++, segs: partial })
      partial = []
    }
  }
  return { lines: added.length ? cap(screen.lines.concat(added)) : screen.lines, partial, nextId }
}

/** Finish the current line with a prompt and the typed text (what the terminal echoes on Enter). */
export function echoInput(screen: Screen, prompt: string, input: string, suffix = ''): Screen {
  let segs = pushSeg(screen.partial, 'prompt', prompt)
  segs = pushSeg(segs, 'input', input)
  segs = pushSeg(segs, 'out', suffix)
  return { lines: cap(screen.lines.concat({ id: screen.nextId, segs })), partial: [], nextId: screen.nextId + 1 }
}

/** A message of the lab's page itself (not the shell's), on lines of its own. */
export function notice(screen: Screen, text: string, kind: 'note' | 'warn' = 'note'): Screen {
  const base = screen.partial.length ? write(screen, 'out', '\n') : screen
  return write(base, kind, text.endsWith('\n') ? text : `${text}\n`)
}

/** The plain text of a line, as it copies. */
export const lineText = (segs: Segment[]): string => segs.map((s) => s.text).join('')
