// Which of the kept lines the terminal puts in the page. The store keeps MAX_LINES (lines.ts);
// the page shows the last SHOWN_LINES of them, and always the whole output of the latest command
// (from its echoed line), so that the browser's layout of each new line costs the same after
// thousands of commands as after ten. Earlier lines come back on request ("Show earlier lines").

import type { TermLine } from '../../state/lines'

/** Lines shown at the end of the log, at least (the latest command's output may add more). */
export const SHOWN_LINES = 300
/** How many more lines each "Show earlier lines" brings back. */
export const EARLIER_STEP = 1000

/**
 * Index of the latest echoed command line (a prompt and typed text), searching back from the end;
 * 0 when no kept line is one: the latest command's echo has scrolled away (its output passed
 * MAX_LINES), so every kept line is that command's output.
 */
function lastEcho(lines: readonly TermLine[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].segs.some((s) => s.kind === 'prompt')) return i
  return 0
}

/**
 * The index of the first line to show: the last `SHOWN_LINES`, extended back to the latest
 * command's echo (or to the first kept line, once that echo has scrolled away), and to the line
 * with id `fromId` when the reader asked for earlier lines. So a reader scrolled up in an output
 * that goes on past MAX_LINES keeps what they read until it scrolls away for good.
 */
export function firstShown(lines: readonly TermLine[], fromId?: number): number {
  let first = Math.max(0, lines.length - SHOWN_LINES)
  if (first === 0) return 0
  const echo = lastEcho(lines)
  if (echo < first) first = echo
  if (fromId !== undefined) {
    const i = lines.findIndex((l) => l.id >= fromId)
    if (i >= 0 && i < first) first = i
  }
  return first
}
