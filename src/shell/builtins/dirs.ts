// Imitates: bash/builtins/pushd.def. The directory stack: `pushd DIR` goes to DIR and keeps the
// directory it left below it, `pushd` alone swaps the top two, `pushd +N`/`-N` turns the stack so
// that entry comes to the top, `popd` drops the top and goes to the next (`popd +N` drops that
// entry); each prints the stack as `dirs` does (~ for the home directory; -l in full, -p one per
// line, -v numbered, -c empties it). Entry 0 is always the working directory. -n leaves it as is.
// (bash's DIRSTACK variable is not kept.)

import type { BuiltinCall } from './host'

type Call = BuiltinCall

const cwdOf = (c: Call) => c.env.get('PWD') ?? '/'
const shown = (c: Call, dir: string, long: boolean) => {
  const home = c.env.get('HOME')
  if (long || !home || home === '/') return dir
  return dir === home ? '~' : dir.startsWith(`${home}/`) ? `~${dir.slice(home.length)}` : dir
}

/** The whole stack, entry 0 the working directory. */
const entries = (c: Call) => [cwdOf(c), ...c.h.rt.dirStack]

/** `+N` (from the left, 0 the top) or `-N` (from the right) as an index into `list`; undefined when out of range. */
function position(arg: string, length: number): number | undefined {
  const n = Number(arg.slice(1))
  const i = arg[0] === '+' ? n : length - 1 - n
  return i >= 0 && i < length ? i : undefined
}

function print(c: Call, flags: Set<string>): void {
  const list = entries(c).map((d) => shown(c, d, flags.has('l')))
  if (flags.has('v')) c.out(list.map((d, i) => `${String(i).padStart(2)}  ${d}\n`).join(''))
  else c.out(flags.has('p') ? list.map((d) => `${d}\n`).join('') : `${list.join(' ')}\n`)
}

/** Go to `dir` as cd does; false (and bash's message) when it is no directory. */
async function go(c: Call, me: string, dir: string): Promise<boolean> {
  if (!c.h.isDir(dir)) {
    c.err(`bash: ${me}: ${dir}: ${c.h.readFile(dir) !== undefined ? 'Not a directory' : 'No such file or directory'}\n`)
    return false
  }
  return (await c.h.runArgv(['cd', dir], c.io, c.env)) === 0
}

const isIndex = (a: string) => /^[+-][0-9]+$/.test(a)

export function dirsBuiltin(c: Call): number {
  const flags = new Set<string>()
  for (const a of c.argv.slice(1)) {
    if (isIndex(a)) {
      const list = entries(c)
      const i = position(a, list.length)
      if (i === undefined) {
        c.err(list.length === 1 ? 'bash: dirs: directory stack empty\n' : `bash: dirs: ${a}: directory stack index out of range\n`)
        return 1
      }
      c.out(`${shown(c, list[i]!, flags.has('l'))}\n`)
      return 0
    }
    if (!/^-[clpv]+$/.test(a)) {
      c.err(`bash: dirs: ${a}: invalid option\ndirs: usage: dirs [-clpv] [+N] [-N]\n`)
      return 2
    }
    for (const f of a.slice(1)) flags.add(f)
  }
  if (flags.has('c')) {
    c.h.rt.dirStack = []
    return 0
  }
  print(c, flags)
  return 0
}

/** pushd's and popd's words: -n (the stack alone changes), then the directory or +N / -N. */
function stackArgs(c: Call): { noCd: boolean; arg: string | undefined } {
  const args = c.argv.slice(1)
  const noCd = args[0] === '-n'
  return { noCd, arg: args[noCd ? 1 : 0] }
}

export async function pushdBuiltin(c: Call): Promise<number> {
  const { noCd, arg } = stackArgs(c)
  const rt = c.h.rt
  const here = cwdOf(c)
  if (arg === undefined) {
    if (rt.dirStack.length === 0) {
      c.err('bash: pushd: no other directory\n')
      return 1
    }
    const [top, ...rest] = rt.dirStack as [string, ...string[]]
    if (!noCd && !(await go(c, 'pushd', top))) return 1
    rt.dirStack = [here, ...rest]
  } else if (isIndex(arg)) {
    const list = entries(c)
    if (list.length === 1) {
      c.err('bash: pushd: directory stack empty\n')
      return 1
    }
    const i = position(arg, list.length)
    if (i === undefined) {
      c.err(`bash: pushd: ${arg}: directory stack index out of range\n`)
      return 1
    }
    const turned = [...list.slice(i), ...list.slice(0, i)]
    if (!noCd && !(await go(c, 'pushd', turned[0]!))) return 1
    rt.dirStack = turned.slice(1)
  } else if (noCd) {
    rt.dirStack = [c.h.resolve(arg), ...rt.dirStack]
  } else {
    if (!(await go(c, 'pushd', arg))) return 1
    rt.dirStack = [here, ...rt.dirStack]
  }
  print(c, new Set())
  return 0
}

export async function popdBuiltin(c: Call): Promise<number> {
  const { noCd, arg } = stackArgs(c)
  const rt = c.h.rt
  if (rt.dirStack.length === 0) {
    c.err('bash: popd: directory stack empty\n')
    return 1
  }
  const list = entries(c)
  const i = arg === undefined ? 0 : isIndex(arg) ? position(arg, list.length) : undefined
  if (i === undefined) {
    c.err(isIndex(arg!) ? `bash: popd: ${arg}: directory stack index out of range\n` : `bash: popd: ${arg}: invalid argument\npopd: usage: popd [-n] [+N | -N]\n`)
    return isIndex(arg!) ? 1 : 2
  }
  if (i === 0) {
    if (!noCd && !(await go(c, 'popd', list[1]!))) return 1
    rt.dirStack = list.slice(2)
  } else rt.dirStack = list.slice(1).filter((_, k) => k !== i - 1)
  print(c, new Set())
  return 0
}
