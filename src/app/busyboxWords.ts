// What busybox's applets say where the workstation's GNU modules say it otherwise: their usage
// instead of `Try '... --help'`, musl's getopt wording, their ways of naming a file they cannot
// open, and their exit statuses for those. Applied to one applet's standard error at a time.

import { BUSYBOX_USAGE } from './busyboxUsage'

/** Applets whose usage errors exit 2 (xfunc_error_retval set so); the others exit 1. */
const USAGE_STATUS: Record<string, number> = { grep: 2, sort: 2 }

type Rule = [RegExp, string | ((...m: string[]) => string)]

/** busybox's xatou and friends, for a number option it cannot read (the applet's name from the rule's key). */
const INVALID = (m: string, value: string) => `${m.slice(0, m.indexOf(':'))}: invalid number '${value}'${m.endsWith('\n') ? '\n' : ''}`

/** Per applet: GNU's wording -> busybox's (`$1`... from the match); for some, made from the command's arguments. */
const WORDING: Record<string, Rule[] | ((args: readonly string[]) => Rule[])> = {
  tail: [[/^tail: cannot open '(.+)' for reading: (.+)$/gm, "tail: can't open '$1': $2"], [/^tail: error reading '.+': Is a directory$/gm, 'tail: read error: Is a directory'], [/^tail: invalid number of (?:lines|bytes): '[-+]?(.*)'$/gm, INVALID]],
  // a program it cannot read: busybox names the line of the token it stopped at (at the end: the last line)
  awk: (args) => [
    [/^awk: cannot open (.+) \((.+)\)$/gm, 'awk: $1: $2'],
    [/^awk: line (\d+): (?:missing \S+ near end of file|syntax error at or near end of file)$/gm, (_m: string, n: string) => `awk: cmd. line:${Math.max(1, Number(n) - 1)}: Unexpected token`],
    [/^awk: line (\d+): syntax error at or near .*$/gm, 'awk: cmd. line:$1: Unexpected token'],
    [/^awk: non-terminated string$/gm, () => `awk: cmd. line:${openLine(awkProgram(args))}: Unexpected end of string`],
    // (a regular expression: the line of the program's last slash, where such a one opens)
    [/^awk: non-terminated regular expression$/gm, () => `awk: cmd. line:${awkProgram(args).slice(0, awkProgram(args).lastIndexOf('/') + 1).split('\n').length}: Unexpected end of string`],
  ],
  cat: [[/^cat: .+: Is a directory$/gm, 'cat: read error: Is a directory'], [/^cat: (.+): No such file or directory$/gm, "cat: can't open '$1': No such file or directory"]],
  rm: [[/^rm: cannot remove '(.+)': Is a directory$/gm, "rm: '$1' is a directory"], [/^rm: cannot remove '(.+)': (.+)$/gm, "rm: can't remove '$1': $2"],
    // -i's question names no kind of file (remove_file.c)
    [/rm: remove regular (?:empty )?file '(.*?)'\? /g, "rm: remove '$1'? "]],
  // -p: busybox names a folder it makes on the way with its slash ('d/' of d/e)
  mkdir: (args) => [[/^mkdir: cannot create directory '(.+)': (.+)$/gm, (_m: string, dir: string, why: string) =>
    `mkdir: can't create directory '${dir}${args.some((a) => a.startsWith(`${dir}/`) && a.replace(/\/+$/, '') !== dir) ? '/' : ''}': ${why}`]],
  head: [[/^head: cannot open '(.+)' for reading: (.+)$/gm, 'head: $1: $2'], [/^head: invalid number of (?:lines|bytes): '-?(.*)'$/gm, INVALID]],
  tac: [[/^tac: failed to open '(.+)' for reading: (.+)$/gm, 'tac: $1: $2'], [/^tac: (.+): read error: Invalid argument$/gm, 'tac: $1: Is a directory']],
  rev: [[/^rev: cannot open (.+): (.+)$/gm, 'rev: $1: $2']],
  fold: [[/^fold: invalid number of columns: '(.*)': Numerical result out of range$/gm, 'fold: number $1 is not in 1..10000 range'], [/^fold: invalid number of columns: '(.*)'$/gm, "fold: invalid number '$1'"]],
  expand: [[/^expand: tab size cannot be 0$/gm, 'expand: number 0 is not in 1..4294967295 range'], [/^expand: tab size contains invalid character\(s\): '(.*)'$/gm, "expand: invalid number '$1'"]],
  cut: [
    [/^cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information\.\n/m, 'cut: expected a list of bytes, characters, or fields\n'],
    [/^cut: invalid field value '(.*)'\nTry 'cut --help' for more information\.\n/m, INVALID],
  ],
  uniq: [[/^uniq: (.*): invalid number of (?:fields|bytes) to (?:skip|compare)$/gm, INVALID], [/^uniq: (.+): (No such file or directory|Is a directory)$/gm, "uniq: can't open '$1': $2"]],
  nl: [[/^nl: invalid (?:line number field width|line number increment|starting line number): '(.*)'$/gm, INVALID]],
  grep: [[/^grep: (.*): invalid context length argument$/gm, INVALID]],
  xargs: [[/^xargs: invalid number "(.*)" for -\w option\nTry 'xargs --help' for more information\.\n/m, INVALID]],
  od: [[/^od: invalid -\w argument '(.*)'$/gm, INVALID]],
  // sort -c: busybox names the line before the first one out of order, in its own words; any key
  // it cannot parse is one message
  sort: [[/^sort: cannot read: (.+): (.+)$/gm, 'sort: $1: $2'], [/^sort: .*:([0-9]+): disorder: .*$/gm, (_m: string, n: string) => `Check line ${Number(n) - 1}`], [/^sort: (?:invalid number (?:at field start|after '[.,]')|field number is zero|character offset is zero|stray character in field spec|invalid count)[^\n]*$/gm, 'sort: bad field specification']],
  sed: (args) => [
    [/^sed: can't read (.+): (.+)$/gm, 'sed: $1: $2'], [/^sed: -e expression #\d+, char \d+: unknown command: `(.)'$/gm, 'sed: unsupported command $1'],
    // -i on a read-only mount: busybox names its temporary file after the file itself, as typed (sed.ts tempSuffix)
    [/^sed: couldn't open temporary file (?:.*\/)?sed(\w{6}): (.+)$/gm, (_m: string, x: string, why: string) => `sed: can't create temp file '${sedFiles(args)[0] ?? ''}${x}': ${why}`],
  ],
}
for (const sum of ['md5sum', 'sha1sum', 'sha256sum', 'sha512sum']) {
  WORDING[sum] = [[new RegExp(`^${sum}: (.+): (No such file or directory)$`, 'gm'), `${sum}: can't open '$1': $2`], [new RegExp(`^${sum}: (.+): Is a directory$`, 'gm'), `${sum}: can't read '$1': Is a directory`]]
}

/** GNU's complaints that busybox answers with its usage text alone. */
const USAGE_ONLY = [
  /^(\w+): missing (?:file )?operand.*\nTry '\1 --help' for more information\.\n/m,
  /^seq: invalid floating point argument: .*\nTry 'seq --help' for more information\.\n/m,
  /^Usage: grep .*\nTry 'grep --help' for more information\.\n/m,
]

const HEAD = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n'

/** Usage texts of the applets added after busyboxUsage.ts (as `busybox APPLET --help` prints them here). */
const MORE_USAGE: Record<string, string> = {
  tee: HEAD + "Usage: tee [-ai] [FILE]...\n\nCopy stdin to each FILE, and also to stdout\n\n\t-a\tAppend to the given FILEs, don't overwrite\n\t-i\tIgnore interrupt signals (SIGINT)\n",
  tac: HEAD + 'Usage: tac [FILE]...\n\nConcatenate FILEs and print them in reverse\n',
  rev: HEAD + 'Usage: rev [FILE]...\n\nReverse lines of FILE\n',
  nl: HEAD + 'Usage: nl [OPTIONS] [FILE]...\n\nWrite FILEs to standard output with line numbers added\n\n\t-b STYLE\tWhich lines to number - a: all, t: nonempty, n: none\n\t-i N\t\tLine number increment\n\t-s STRING\tUse STRING as line number separator\n\t-v N\t\tStart from N\n\t-w N\t\tWidth of line numbers\n',
  paste: HEAD + 'Usage: paste [-d LIST] [-s] [FILE]...\n\nPaste lines from each input file, separated with tab\n\n\t-d LIST\tUse delimiters from LIST, not tab\n\t-s      Serial: one file at a time\n',
  fold: HEAD + 'Usage: fold [-bs] [-w WIDTH] [FILE]...\n\nWrap input lines in FILEs (or stdin), writing to stdout\n\n\t-b\tCount bytes rather than columns\n\t-s\tBreak at spaces\n\t-w\tUse WIDTH columns instead of 80\n',
  expand: HEAD + "Usage: expand [-i] [-t N] [FILE]...\n\nConvert tabs to spaces, writing to stdout\n\n\t-i\tDon't convert tabs after non blanks\n\t-t\tTabstops every N chars\n",
}

export interface Reworded { stderr: string; status: number }

/** The value given to option `-X` (`-X VALUE`, `-XVALUE`), the last one; undefined when absent. */
function optionValue(args: readonly string[], letter: string, long?: string): string | undefined {
  let v: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') break
    if (a === `-${letter}`) v = args[++i]
    else if (a.startsWith(`-${letter}`)) v = a.slice(2)
    else if (long && a.startsWith(`--${long}=`)) v = a.slice(long.length + 3)
  }
  return v
}

/**
 * What busybox refuses where GNU's module would go on: an empty date (`date -d ''`), an empty
 * paste delimiter list, an xxd column count that is no number. Undefined: nothing refused.
 */
export function busyboxRefusal(applet: string, args: readonly string[]): Reworded | undefined {
  if (applet === 'date' && optionValue(args, 'd', 'date') === '') return { stderr: "date: invalid date ''\n", status: 1 }
  if (applet === 'paste' && optionValue(args, 'd') === '') return { stderr: "paste: -d '' is not supported\n", status: 1 }
  // busybox's grep has no -P: GNU's complaint about an option it lacks, reworded as busybox says it
  if (applet === 'grep' && shortLetters(args).includes('P')) return busyboxWording('grep', "grep: invalid option -- 'P'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2, args)
  if (applet === 'xxd') {
    const c = optionValue(args, 'c')
    if (c !== undefined && !/^\d+$/.test(c)) return { stderr: `xxd: invalid number '${c}'\n`, status: 1 }
  }
  return undefined
}

/** The letters of the short options before the operands (grep's -e, -f, -m, -A, -B and -C take a value). */
function shortLetters(args: readonly string[]): string {
  let letters = ''
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--' || !a.startsWith('-') || a === '-' || a.startsWith('--')) {
      if (a === '--') break
      continue
    }
    for (let k = 1; k < a.length; k++) {
      letters += a[k]
      if ('efmABC'.includes(a[k])) {
        if (k === a.length - 1) i++
        break
      }
    }
  }
  return letters
}

/** awk's program text: the first operand after the options (-F, -v and -f take a value). */
function awkProgram(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') return args[i + 1] ?? ''
    if (a === '-F' || a === '-v' || a === '-f') i++
    else if (!a.startsWith('-') || a === '-') return a
  }
  return ''
}

/** The line (from 1) of the first string a newline ends before it is closed. */
function openLine(program: string): number {
  let line = 1
  let quote: string | undefined
  let start = 1
  for (let i = 0; i < program.length; i++) {
    const c = program[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = undefined
      else if (c === '\n') return start
    } else if (c === '"') [quote, start] = ['"', line]
    if (c === '\n') line++
  }
  return start
}

/** sed's file operands: all of them after -e or -f, else all but the first (the script). */
function sedFiles(args: readonly string[]): string[] {
  const operands: string[] = []
  let script = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-e' || a === '-f' || a === '--expression' || a === '--file') { script = true; i++ }
    else if (/^-[^-]*[ef]/.test(a) || a.startsWith('--expression=') || a.startsWith('--file=')) script = true
    else if (!a.startsWith('-') || a === '-') operands.push(a)
  }
  return script ? operands : operands.slice(1)
}

/** busybox cut takes the first character of a longer -d (GNU's refuses it). */
export function busyboxArgs(applet: string, argv: string[]): string[] {
  if (applet !== 'cut') return argv
  return argv.map((a, i) => (argv[i - 1] === '-d' && a.length > 1 ? a[0] : a.startsWith('-d') && a.length > 3 && i > 0 ? a.slice(0, 3) : a))
}

/** One applet's standard error (and status) as busybox would give them. */
export function busyboxWording(applet: string, stderr: string, status: number, args: readonly string[] = []): Reworded {
  const usage = BUSYBOX_USAGE[applet] ?? MORE_USAGE[applet]
  if (usage) {
    // musl's getopt: `unrecognized option: x` (glibc: `invalid option -- 'x'`), then the usage
    const bad = /^\w+: (?:invalid option -- '(.)'|unrecognized option '--([^']*)'|option requires an argument -- '(.)')\n(?:Usage: .*\n)?Try '\w+ --help' for more information\.\n/m.exec(stderr)
    if (bad) {
      const what = bad[3] !== undefined ? `option requires an argument: ${bad[3]}` : `unrecognized option: ${bad[1] ?? bad[2]}`
      return { stderr: `${applet}: ${what}\n${usage}`, status: USAGE_STATUS[applet] ?? 1 }
    }
    if (USAGE_ONLY.some((re) => re.test(stderr))) return { stderr: usage, status: USAGE_STATUS[applet] ?? 1 }
  }
  let out = stderr
  // md5sum -c names a list it cannot open plainly
  const wording = applet.endsWith('sum') && args.includes('-c') ? [] : WORDING[applet] ?? []
  const rules = typeof wording === 'function' ? wording(args) : wording
  for (const [re, to] of rules) out = out.replace(re, to as string)
  // sed and awk stop at a file they cannot open with status 1 where GNU's go on with 2; xxd says 1
  if ((applet === 'sed' || applet === 'awk') && status === 2 && out !== stderr) status = 1
  if (applet === 'xxd' && status === 2) status = 1
  return { stderr: out, status }
}
