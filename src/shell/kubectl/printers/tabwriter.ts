// github.com/liggitt/tabwriter (kubectl tables) and Go text/tabwriter (kubectl describe)

/** Options of a Go tab writer: padding character is always a space here. */
export interface TabwriterOptions {
  minwidth?: number
  tabwidth?: number
  padding?: number
  /** liggitt/tabwriter RememberWidths: a column never gets narrower than it was in an earlier block. */
  rememberWidths?: boolean
}

/** kubectl get tables: cli-runtime printers/tabwriter.go (minwidth 6, tabwidth 4, padding 3, RememberWidths). */
export const TABLE_TABWRITER = { minwidth: 6, tabwidth: 4, padding: 3, rememberWidths: true }

/** kubectl describe: describe.go tabbedString (text/tabwriter minwidth 0, tabwidth 8, padding 2, no flags). */
export const DESCRIBE_TABWRITER = { minwidth: 0, tabwidth: 8, padding: 2 }

interface Cell {
  text: string
  width: number
}

function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Split text into lines of cells the way Writer.Write does ('\t' and '\v' end a cell, '\n' and '\f' a line). */
function splitCells(text: string): Cell[][] {
  const lines: Cell[][] = [[]]
  let cur = ''
  for (const ch of text) {
    if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
      lines[lines.length - 1].push({ text: cur, width: runeCount(cur) })
      cur = ''
      if (ch === '\n' || ch === '\f') lines.push([])
    } else {
      cur += ch
    }
  }
  // Flush: the current cell is added only when not empty.
  if (cur.length > 0) lines[lines.length - 1].push({ text: cur, width: runeCount(cur) })
  return lines
}

/** Go tabwriter: format text whose cells are tab-terminated, aligning each column block. */
export function tabwrite(text: string, opts: TabwriterOptions = {}): string {
  const minwidth = opts.minwidth ?? 0
  const padding = opts.padding ?? 0
  const remember = opts.rememberWidths ?? false
  const lines = splitCells(text)
  const widths: number[] = []
  const maxwidths: number[] = []
  const out: string[] = []

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]
      let s = ''
      line.forEach((c, j) => {
        s += c.text
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - c.width))
      })
      out.push(s)
      if (i + 1 !== lines.length) out.push('\n')
    }
  }

  const format = (line0: number, line1: number) => {
    const column = widths.length
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue
      writeLines(line0, cur)
      line0 = cur
      let width = minwidth
      for (; cur < line1; cur++) {
        const line = lines[cur]
        if (column >= line.length - 1) break
        const w = line[column].width + padding
        if (w > width) width = w
      }
      if (remember) {
        if (maxwidths.length < widths.length) maxwidths.push(...widths.slice(maxwidths.length))
        if (maxwidths.length === widths.length) maxwidths.push(width)
        else if (maxwidths[widths.length] > width) width = maxwidths[widths.length]
        else if (maxwidths[widths.length] < width) maxwidths[widths.length] = width
      }
      widths.push(width)
      format(line0, cur)
      widths.pop()
      line0 = cur
      // like Go, the loop's increment then skips the line that ended the block (it lacks this column)
    }
    writeLines(line0, line1)
  }

  format(0, lines.length)
  return out.join('')
}

/**
 * A table cell as cli-runtime printers/tableprinter.go printRows writes it: cut at the first newline, carriage
 * return or form feed (then `...`), and ESC shown as `^[` (printers/terminal.go WriteEscaped).
 */
export function tableCell(value: string): string {
  const cut = value.search(/[\f\n\r]/)
  const text = cut >= 0 ? value.slice(0, cut) : value
  return text.split('\x1b').join('^[') + (cut >= 0 ? '...' : '')
}

/**
 * A kubectl table: cells (passed through tableCell) joined by tabs, one line per row (each ending with '\n'),
 * then aligned. An empty row prints an empty line (tables of several kinds are separated by one).
 */
export function formatColumns(
  rows: string[][],
  opts: { minwidth?: number; tabwidth?: number; padding?: number } = {},
): string {
  const text = rows.map((r) => r.map(tableCell).join('\t') + '\n').join('')
  return tabwrite(text, { ...TABLE_TABWRITER, ...opts })
}

/** Describe output: text written with '\t' between cells, flushed through text/tabwriter. */
export function formatTabbed(
  text: string,
  opts: { minwidth?: number; tabwidth?: number; padding?: number } = DESCRIBE_TABWRITER,
): string {
  return tabwrite(text, { ...DESCRIBE_TABWRITER, ...opts, rememberWidths: false })
}
