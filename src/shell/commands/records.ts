// Records of a text as the line tools read them: lines ended by a newline, or with -z
// (--zero-terminated) by a NUL byte; the last one may lack its terminator.

import { splitLines } from './util'

export function records(text: string, eol: '\n' | '\0'): string[] {
  if (eol === '\n') return splitLines(text).lines
  if (text === '') return []
  const parts = text.split('\0')
  if (parts[parts.length - 1] === '') parts.pop()
  return parts
}
