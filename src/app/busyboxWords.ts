// What busybox's applets say where the workstation's GNU modules say it otherwise: their usage
// instead of `Try '... --help'`, musl's getopt wording, their ways of naming a file they cannot
// open, and their exit statuses for those. Applied to one applet's standard error at a time.

import { BUSYBOX_USAGE } from './busyboxUsage'

/** Applets whose usage errors exit 2 (xfunc_error_retval set so); the others exit 1. */
const USAGE_STATUS: Record<string, number> = { grep: 2, sort: 2 }

type Rule = [RegExp, string | ((...m: string[]) => string)]

/** Per applet: GNU's wording -> busybox's (`$1`... from the match). */
const WORDING: Record<string, Rule[]> = {
  tail: [[/^tail: cannot open '(.+)' for reading: (.+)$/gm, "tail: can't open '$1': $2"], [/^tail: error reading '.+': Is a directory$/gm, 'tail: read error: Is a directory']],
  sort: [[/^sort: cannot read: (.+): (.+)$/gm, 'sort: $1: $2']],
  uniq: [[/^uniq: (.+): (No such file or directory|Is a directory)$/gm, "uniq: can't open '$1': $2"]],
  sed: [[/^sed: can't read (.+): (.+)$/gm, 'sed: $1: $2']],
  awk: [[/^awk: cannot open (.+) \((.+)\)$/gm, 'awk: $1: $2']],
  cat: [[/^cat: .+: Is a directory$/gm, 'cat: read error: Is a directory'], [/^cat: (.+): No such file or directory$/gm, "cat: can't open '$1': No such file or directory"]],
  rm: [[/^rm: cannot remove '(.+)': Is a directory$/gm, "rm: '$1' is a directory"], [/^rm: cannot remove '(.+)': (.+)$/gm, "rm: can't remove '$1': $2"]],
  mkdir: [[/^mkdir: cannot create directory '(.+)': (.+)$/gm, "mkdir: can't create directory '$1': $2"]],
  head: [[/^head: cannot open '(.+)' for reading: (.+)$/gm, 'head: $1: $2']],
  cut: [[/^cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information\.\n/m, 'cut: expected a list of bytes, characters, or fields\n']],
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

export interface Reworded { stderr: string; status: number }

/** One applet's standard error (and status) as busybox would give them. */
export function busyboxWording(applet: string, stderr: string, status: number, args: readonly string[] = []): Reworded {
  const usage = BUSYBOX_USAGE[applet]
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
  const rules = applet.endsWith('sum') && args.includes('-c') ? [] : WORDING[applet] ?? []
  for (const [re, to] of rules) out = out.replace(re, to as string)
  // sed and awk stop at a file they cannot open with status 1 where GNU's go on with 2; xxd says 1
  if ((applet === 'sed' || applet === 'awk') && status === 2 && out !== stderr) status = 1
  if (applet === 'xxd' && status === 2) status = 1
  return { stderr: out, status }
}
