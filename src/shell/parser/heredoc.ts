// Here-documents as bash's parse.y reads them (gather_here_documents): the `<<` operator only
// records a pending document; its body is the lines after the next newline, up to the delimiter
// line (leading tabs stripped for `<<-`), or the end of input with bash's warning.

import type { Redirect, WordPart } from './ast'

export interface PendingHeredoc {
  redirect: Redirect
  delimiter: string
  expand: boolean
  stripTabs: boolean
  line: number
}

export interface HeredocSource {
  readonly src: string
  pos: number
  readonly warnings: string[]
  heredocAtEof: boolean
  /** Parse an unquoted document's body into parts (`$VAR`, `$(...)`, backslashes). */
  bodyParts(body: string): WordPart[]
}

/** Read one pending document starting at `s.pos` (the start of the line after its command). */
export function readHeredoc(s: HeredocSource, h: PendingHeredoc): void {
  let body = ''
  for (;;) {
    if (s.pos >= s.src.length) {
      s.heredocAtEof = true
      s.warnings.push(`warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delimiter}')`)
      break
    }
    const nl = s.src.indexOf('\n', s.pos)
    const end = nl < 0 ? s.src.length : nl
    let line = s.src.slice(s.pos, end)
    s.pos = nl < 0 ? end : end + 1
    if (h.stripTabs) line = line.replace(/^\t+/, '')
    if (line === h.delimiter) break
    body += line + '\n'
  }
  h.redirect.heredoc!.body = h.expand ? s.bodyParts(body) : [{ kind: 'lit', text: body, quoted: true }]
  h.redirect.heredoc!.text = body
}
