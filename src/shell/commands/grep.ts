// grep (GNU grep): basic (default), extended (-E), fixed (-F) and Perl (-P, matcher.ts) patterns; -i -v -c -n -o -q -w
// -x -l -L -h -H -e -b -z, -m NUM (then the trailing context still prints), and context lines
// (-A -B -C, groups parted by `--`). Exit status 0 when a line is selected, 1 when none, 2 on errors.
// Input holding a NUL byte is binary (the C locale's rule): a match prints `grep: FILE: binary file
// matches` on stderr instead of lines (grep 3.8), unless -a. In the C locale (the lab's) patterns
// and lines are bytes: `.` matches one byte of "é"; in a UTF-8 locale, one character.

import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { patternSource, wrapWholeWordOrLine } from './regex'
import { BacktrackLimit, backtrackLimitMessage, compileMatcher, compilePerlMatcher, type LineMatcher } from './matcher'
import { asBytes, byteWise, fromBytes, utf8Locale } from '../locale'
import { byteLength, getopt, has, lastValue, type ParsedOptions, helpText, readOperand, tableFromFlags } from './util'
import { records } from './records'

const flags: FlagSpec[] = [
  { name: 'extended-regexp', short: 'E', takesValue: false, help: 'PATTERNS are extended regular expressions' },
  { name: 'fixed-strings', short: 'F', takesValue: false, help: 'PATTERNS are strings' },
  { name: 'basic-regexp', short: 'G', takesValue: false, help: 'PATTERNS are basic regular expressions' },
  { name: 'perl-regexp', short: 'P', takesValue: false, help: 'PATTERNS are Perl regular expressions' },
  { name: 'regexp', short: 'e', takesValue: true, help: 'use PATTERNS for matching' },
  { name: 'ignore-case', short: 'i', takesValue: false, help: 'ignore case distinctions in patterns and data' },
  { name: 'word-regexp', short: 'w', takesValue: false, help: 'match only whole words' },
  { name: 'line-regexp', short: 'x', takesValue: false, help: 'match only whole lines' },
  { name: 'invert-match', short: 'v', takesValue: false, help: 'select non-matching lines' },
  { name: 'count', short: 'c', takesValue: false, help: 'print only a count of selected lines per FILE' },
  { name: 'only-matching', short: 'o', takesValue: false, help: 'show only nonempty parts of lines that match' },
  { name: 'quiet', short: 'q', takesValue: false, help: 'suppress all normal output' },
  { name: 'line-number', short: 'n', takesValue: false, help: 'print line number with output lines' },
  { name: 'files-with-matches', short: 'l', takesValue: false, help: 'print only names of FILEs with selected lines' },
  { name: 'with-filename', short: 'H', takesValue: false, help: 'print file name with output lines' },
  { name: 'no-filename', short: 'h', takesValue: false, help: 'suppress the file name prefix on output' },
  { name: 'silent', takesValue: false, help: 'suppress all normal output' },
  { name: 'after-context', short: 'A', takesValue: true, help: 'print NUM lines of trailing context' },
  { name: 'before-context', short: 'B', takesValue: true, help: 'print NUM lines of leading context' },
  { name: 'context', short: 'C', takesValue: true, help: 'print NUM lines of output context' },
  { name: 'text', short: 'a', takesValue: false, help: 'process a binary file as if it were text' },
  { name: 'max-count', short: 'm', takesValue: true, help: 'stop after NUM selected lines' },
  { name: 'files-without-match', short: 'L', takesValue: false, help: 'print only names of FILEs with no selected lines' },
  { name: 'byte-offset', short: 'b', takesValue: false, help: 'print the byte offset with output lines' },
  { name: 'null-data', short: 'z', takesValue: false, help: 'a data line ends in 0 byte, not newline' },
  { name: 'recursive', short: 'r', takesValue: false, help: 'search every file under each directory' },
  { name: 'dereference-recursive', short: 'R', takesValue: false, help: 'likewise (the workstation has no symbolic links to follow)' },
  { name: 'help', takesValue: false, help: 'display this help text and exit' },
]

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"

export const grep: CommandSpec = {
  name: 'grep',
  summary: 'Print lines that match patterns.',
  usage: 'grep [OPTION]... PATTERNS [FILE]...',
  flags,
  async run(ctx) {
    const table = tableFromFlags(flags, 's')
    const p = getopt(ctx.argv.slice(1), table)
    if ('error' in p) {
      ctx.stderr(`grep: ${p.error}\n${USAGE}`)
      return 2
    }
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Search for PATTERNS in each FILE.', flags))
      return 0
    }
    let patterns = p.opts.filter((o) => o.key === 'regexp').map((o) => o.value!)
    const operands = [...p.operands]
    if (patterns.length === 0) {
      if (operands.length === 0) {
        ctx.stderr(USAGE)
        return 2
      }
      patterns = [operands.shift()!]
    }
    patterns = patterns.flatMap((x) => x.split('\n'))
    // The C locale matches bytes: the patterns one character a byte (ASCII stays as it is).
    if (!utf8Locale(ctx.env)) patterns = patterns.map(asBytes)
    const MODES: Record<string, 'E' | 'F' | 'G' | 'P'> = { 'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'perl-regexp': 'P' }
    const modes = new Set(p.opts.flatMap((o) => MODES[o.key] ?? []))
    if (modes.size > 1) {
      ctx.stderr('grep: conflicting matchers specified\n')
      return 2
    }
    const [mode = 'G'] = modes
    if (mode === 'P' && patterns.length > 1) {
      ctx.stderr('grep: the -P option only supports a single pattern\n')
      return 2
    }
    const src = mode === 'P' ? '' : patternSource(patterns, {
      extended: mode === 'E',
      fixed: mode === 'F',
      ignoreCase: has(p, 'ignore-case'),
      word: has(p, 'word-regexp'),
      line: has(p, 'line-regexp'),
    })
    if (typeof src !== 'string') {
      ctx.stderr(`grep: ${src.error}\n`)
      return 2
    }
    const context = contextOf(p)
    if (typeof context === 'string') {
      ctx.stderr(`grep: ${context}: invalid context length argument\n`)
      return 2
    }
    const max = lastValue(p, 'max-count')
    if (max !== undefined && !/^\s*[-+]?[0-9]+$/.test(max)) {
      ctx.stderr('grep: invalid max count\n')
      return 2
    }
    // A negative NUM is no limit (grep 3.8); 0 reads nothing.
    const maxCount = max === undefined || Number(max) < 0 ? Infinity : Number(max)
    if (maxCount === 0) return 1
    const re = mode === 'P' ? await compilePerlMatcher(patterns[0], has(p, 'ignore-case'), (s) => wrapWholeWordOrLine(s, has(p, 'word-regexp'), has(p, 'line-regexp'))) : await compileMatcher(src, has(p, 'ignore-case'))
    if ('error' in re) {
      ctx.stderr(`grep: ${re.error}\n`)
      return 2
    }
    try {
      return search(ctx, p, re, operands, context, maxCount)
    } catch (e) {
      if (!(e instanceof BacktrackLimit)) throw e
      ctx.stderr(`grep: ${backtrackLimitMessage()}\n`)
      return 2
    }
  },
}

/** -A/-B/-C as [before, after]; the offending text if one is not a number. */
function contextOf(p: ParsedOptions): [number, number] | string {
  let before = 0
  let after = 0
  for (const o of p.opts) {
    if (o.key !== 'after-context' && o.key !== 'before-context' && o.key !== 'context') continue
    if (!/^[0-9]+$/.test(o.value!)) return o.value!
    const n = Number(o.value)
    if (o.key !== 'after-context') before = n
    if (o.key !== 'before-context') after = n
  }
  return [before, after]
}

/**
 * The files -r searches, as grep names them: each operand, a directory's files below it (in the
 * order `ls` lists them; grep takes the directory's own order), devices met on the way skipped.
 * With no operand, the working directory, its files named without `./`.
 */
function recursiveFiles(ctx: CommandContext, operands: string[]): { names: string[]; dirs: boolean } {
  const names: string[] = []
  let dirs = false
  const walk = (path: string, shown: string) => {
    for (const child of ctx.fs.list(path) ?? []) {
      const full = path === '/' ? `/${child}` : `${path}/${child}`
      const name = shown === '' ? child : shown.endsWith('/') ? `${shown}${child}` : `${shown}/${child}`
      if (ctx.fs.isDir(full)) walk(full, name)
      else if (!full.startsWith('/dev/')) names.push(name)
    }
  }
  for (const operand of operands.length ? operands : ['']) {
    const path = ctx.fs.resolve(operand === '' ? '.' : operand)
    if (operand !== '-' && ctx.fs.isDir(path)) {
      dirs = true
      walk(path, operand)
    } else names.push(operand)
  }
  return { names, dirs }
}

function search(ctx: CommandContext, p: ParsedOptions, re: LineMatcher, operands: string[], [before, after]: [number, number], maxCount: number): number {
  const quiet = has(p, 'quiet') || has(p, 'silent')
  const invert = has(p, 'invert-match')
  const recursive = has(p, 'recursive') || has(p, 'dereference-recursive')
  const found = recursive ? recursiveFiles(ctx, operands) : undefined
  const files = found ? found.names : operands.length ? operands : ['-']
  // (-r names the files it found below a directory operand, even below the only one)
  const withName = has(p, 'no-filename') ? false : has(p, 'with-filename') || operands.length > 1 || (found?.dirs ?? false)
  const eol = has(p, 'null-data') ? '\0' : '\n'
  const listed = has(p, 'files-with-matches') || has(p, 'files-without-match')
  let selectedAny = false
  // Context groups are parted by `--` across files too: whether an earlier file printed lines.
  let linesBefore = false
  let error = false
  for (const name of files) {
    const r = readOperand(ctx, name)
    if (!r.ok) {
      if (!has(p, 's')) ctx.stderr(`grep: ${r.message}\n`)
      error = true
      continue
    }
    // Text beyond ASCII in the C locale: searched one character a byte, printed back as bytes.
    const bytes = byteWise(ctx.env, r.text)
    const text = bytes ? asBytes(r.text) : r.text
    const label = name === '-' ? '(standard input)' : bytes ? asBytes(name) : name
    const prefix = withName ? `${label}:` : ''
    let count = 0
    let out = ''
    re.willSearch(text.length)
    const lines = records(text, eol)
    const plain = !has(p, 'count') && !listed && !has(p, 'only-matching')
    const binary = !has(p, 'text') && eol === '\n' && text.includes('\0')
    const lineOutput = !has(p, 'count') && !listed
    // -b: the byte offset where each line starts (the text is one character a byte when `bytes`).
    const size = bytes ? (l: string) => l.length : byteLength
    const offsets: number[] = []
    if (has(p, 'byte-offset')) lines.reduce((at, l, i) => ((offsets[i] = at), at + size(l) + 1), 0)
    // -q: done at the first selected line; a pipe's writer stops as by SIGPIPE (sigpipe.ts).
    const stop = () => {
      if (name === '-') ctx.closeStdin?.()
      return 0
    }
    const offset = (i: number, sep: string, within = 0) => (has(p, 'byte-offset') ? `${offsets[i] + within}${sep}` : '')
    // Context: the last line printed, and how many trailing context lines are still due.
    let printed = -1
    let due = 0
    const line1 = (i: number, sep: string) => {
      if ((printed >= 0 ? i > printed + 1 : linesBefore) && (before > 0 || after > 0)) out += '--\n'
      out += `${withName ? label + sep : ''}${has(p, 'line-number') ? `${i + 1}${sep}` : ''}${offset(i, sep)}${lines[i]}${eol}`
      printed = i
    }
    for (let i = 0; i < lines.length; i++) {
      if (i % 4096 === 0) ctx.signal?.throwIfAborted()
      const line = lines[i]
      if (count >= maxCount) {
        // -m reached: the trailing context still prints, matching or not (grep 3.8), then done.
        if (!plain || due === 0 || binary) {
          // Standard input not read to its end: its writer stops as by SIGPIPE (sigpipe.ts).
          if (name === '-') ctx.closeStdin?.()
          break
        }
        line1(i, '-')
        due--
        continue
      }
      const matches = re.test(line)
      if (matches === invert) {
        if (plain && due > 0 && !binary) {
          line1(i, '-')
          due--
        }
        continue
      }
      if (binary && lineOutput) {
        // The first selected line of a binary file: the notice instead of any line, and done.
        selectedAny = true
        if (quiet) return stop()
        ctx.stderr(`grep: ${bytes ? fromBytes(label) : label}: binary file matches\n`)
        out = ''
        break
      }
      if (plain && (before > 0 || after > 0)) {
        for (let j = Math.max(printed + 1, i - before); j < i; j++) line1(j, '-')
        line1(i, ':')
        due = after
        count++
        selectedAny = true
        if (quiet) return stop()
        continue
      }
      count++
      selectedAny = true
      if (quiet) return stop()
      if (listed) {
        // -l and -L know the answer at the first selected line: grep reads no further.
        if (name === '-') ctx.closeStdin?.()
        break
      }
      if (has(p, 'count')) continue
      const num = has(p, 'line-number') ? `${i + 1}:` : ''
      if (has(p, 'only-matching')) {
        if (invert) continue
        for (const [a, b] of re.matches(line)) out += `${prefix}${num}${offset(i, ':', size(line.slice(0, a)))}${line.slice(a, b)}${eol}`
      } else out += `${prefix}${num}${offset(i, ':')}${line}${eol}`
    }
    if (has(p, 'files-with-matches')) {
      if (count > 0) out = `${label}\n`
    } else if (has(p, 'files-without-match')) {
      if (count === 0) out = `${label}\n`
    } else if (has(p, 'count')) out = `${prefix}${count}\n`
    ctx.stdout(bytes ? fromBytes(out) : out)
    linesBefore ||= printed >= 0
  }
  if (error && !(quiet && selectedAny)) return 2
  return selectedAny ? 0 : 1
}
