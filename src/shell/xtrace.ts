// Imitates: bash/print_cmd.c xtrace_print_word_list. Under `set -x` each simple command is shown
// on stderr after expansion, as `+ word word`, assignments first on lines of their own; the `+`
// repeats once more per command substitution level. Words bash would have to quote are shown in
// single quotes.

import { shellQuote } from './builtins/host'

/** `assignments`: each name and value; a third `true` shows the value as it is (an array's words as typed). */
export function xtraceLines(depth: number, assignments: [string, string, true?][], argv: string[]): string {
  const prefix = '+'.repeat(depth + 1) + ' '
  let out = ''
  for (const [n, v, verbatim] of assignments) out += `${prefix}${n}=${verbatim ? v : shellQuote(v)}\n`
  if (argv.length) out += prefix + argv.map(quoteWord).join(' ') + '\n'
  return out
}

export function quoteWord(w: string): string {
  if (w === '') return "''"
  return /[\s'"\\|&;()<>!{}*[?\]^$`~#]/.test(w) ? `'${w.replaceAll("'", "'\\''")}'` : w
}
