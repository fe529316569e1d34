// Imitates: bash/print_cmd.c xtrace_print_word_list. Under `set -x` each simple command is shown
// on stderr after expansion, as `+ word word`, assignments first on lines of their own; the `+`
// repeats once more per command substitution level. Words bash would have to quote are shown in
// single quotes.

import { shellQuote } from './builtins/host'

export function xtraceLines(depth: number, assignments: [string, string][], argv: string[]): string {
  const prefix = '+'.repeat(depth + 1) + ' '
  let out = ''
  for (const [n, v] of assignments) out += `${prefix}${n}=${shellQuote(v)}\n`
  if (argv.length) out += prefix + argv.map(quoteWord).join(' ') + '\n'
  return out
}

export function quoteWord(w: string): string {
  if (w === '') return "''"
  return /[\s'"\\|&;()<>!{}*[?\]^$`~#]/.test(w) ? `'${w.replaceAll("'", "'\\''")}'` : w
}
