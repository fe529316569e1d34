// which (Debian's debianutils which): prints where each command would be found on PATH. The lab's
// fake layout (documented in help): kubectl, lab and edit live in /usr/local/bin, every other
// program in /usr/bin (Debian 12 has merged /bin into /usr/bin); shell builtins have no file, so
// `which cd` prints nothing and fails, as on a real machine.

import type { CommandSpec } from '../types'

/** Commands that are only bash builtins (no program file). */
export const SHELL_BUILTINS = new Set([
  'cd', 'export', 'unset', 'history', 'help', 'alias', 'unalias', 'source', '.', 'type', 'read', 'set', 'exit', 'declare', 'local',
  'shift', 'eval', 'trap', 'return', 'break', 'continue', 'let', 'command', 'builtin', 'jobs', 'fg', 'bg', 'wait', 'umask', 'hash', 'readonly',
  'getopts', 'mapfile', 'readarray', 'exec', 'times',
  'bind', 'caller', 'compgen', 'complete', 'compopt', 'dirs', 'disown', 'enable', 'fc', 'logout', 'popd', 'pushd', 'suspend', 'ulimit',
])
const LOCAL_BIN = new Set(['kubectl', 'lab', 'edit'])

/** Where a registered command lives in the lab's fake file system, or undefined for builtins. */
export function commandPath(name: string, known: (n: string) => boolean): string | undefined {
  if (SHELL_BUILTINS.has(name) || !known(name)) return undefined
  return LOCAL_BIN.has(name) ? `/usr/local/bin/${name}` : `/usr/bin/${name}`
}

/** Every path of a registered command on the workstation's PATH: a program in /usr/bin is in /bin too (merged /usr). */
export function commandPaths(name: string, known: (n: string) => boolean): string[] {
  const path = commandPath(name, known)
  return path === undefined ? [] : path.startsWith('/usr/bin/') ? [path, `/bin/${name}`] : [path]
}

export const which: CommandSpec = {
  name: 'which',
  summary: 'Locate a command (kubectl is in /usr/local/bin, other programs in /usr/bin).',
  usage: 'which [-as] program ...',
  async run(ctx) {
    let all = false
    let silent = false
    const names: string[] = []
    for (const a of ctx.argv.slice(1)) {
      if (/^-[as]+$/.test(a) && names.length === 0) {
        all ||= a.includes('a')
        silent ||= a.includes('s')
      } else if (a.startsWith('-') && a !== '-' && names.length === 0) {
        ctx.stderr('Usage: /usr/bin/which [-as] args\n')
        return 2
      } else names.push(a)
    }
    if (names.length === 0) return 1
    const specs = new Set(ctx.shell.commands().map((s) => s.name))
    let status = 0
    for (const name of names) {
      let path: string | undefined
      if (name.includes('/')) {
        const base = name.slice(name.lastIndexOf('/') + 1)
        const dir = name.slice(0, name.lastIndexOf('/'))
        const where = commandPath(base, (n) => specs.has(n))
        path = where && (where === `${dir}/${base}` || (dir === '/bin' && where.startsWith('/usr/bin/'))) ? name : undefined
      } else path = commandPath(name, (n) => specs.has(n))
      if (path === undefined) {
        status = 1
        continue
      }
      if (!silent) {
        ctx.stdout(path + '\n')
        if (all && !name.includes('/')) for (const more of commandPaths(name, (n) => specs.has(n)).slice(1)) ctx.stdout(`${more}\n`)
      }
    }
    return status
  },
}
