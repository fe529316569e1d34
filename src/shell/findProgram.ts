// The program a command runs once it is no function or builtin, and the environment it gets.
// A name is looked up in the shell's commands; a path names the workstation's program where its
// layout (which.ts) puts it (`/usr/local/bin/kubectl`, `../usr/bin/true`). The workstation's dash
// has no bash-only command (help, history). The program's environment: the command's prefix
// assignments, exported, and in bash `_` as the program's own path.

import type { ExecHost } from './executor'
import type { CommandSpec, ShellEnv } from './types'
import { commandPaths, SHELL_BUILTINS } from './commands/which'
import { isBuiltinOf } from './builtins/describe'
import { programPaths } from './builtins/bind'
import { OverlayEnv } from './env'

/** The program NAME runs; undefined when there is none. */
export function findProgram(host: ExecHost, name: string): CommandSpec | undefined {
  if (host.dialect !== 'bash' && !host.pathsOf && SHELL_BUILTINS.has(name) && !isBuiltinOf(host.dialect, name)) return undefined
  return host.lookup(name) ?? programAt(host, name)
}

/** The workstation's program a path names, where its layout has it. */
function programAt(host: ExecHost, path: string): CommandSpec | undefined {
  if (!path.includes('/') || host.pathsOf) return undefined
  const name = path.slice(path.lastIndexOf('/') + 1)
  const spec = name ? host.lookup(name) : undefined
  if (!spec || spec.missing) return undefined
  return commandPaths(name, () => true).includes(host.fs.resolve(path)) ? spec : undefined
}

/**
 * Why a path that names no program cannot be run, where it names something: none of the
 * workstation's own files is executable (the lab has no chmod), so a script is `Permission denied`
 * (run it with `bash FILE`), a directory bash's `Is a directory` (dash's `Permission denied`), a path
 * through a file `Not a directory`. Undefined where nothing is there (`No such file or directory`),
 * and in a container, whose image has programs the lab does not run.
 */
export function notExecutable(host: ExecHost, path: string): string | undefined {
  if (host.pathsOf) return undefined
  const p = host.fs.resolve(path)
  if (host.fs.isDir(p)) return host.dialect === 'bash' ? 'Is a directory' : 'Permission denied'
  if (host.fs.exists(p)) return 'Permission denied'
  for (let up = p.slice(0, p.lastIndexOf('/')); up; up = up.slice(0, up.lastIndexOf('/'))) if (host.fs.exists(up) && !host.fs.isDir(up)) return 'Not a directory'
  return undefined
}

/** The environment program NAME runs with: `values` (prefix assignments) exported, and bash's `_`. */
export function programEnv(host: ExecHost, name: string, env: ShellEnv, values: [string, string][]): ShellEnv {
  // (a builtin that is also a program here, such as printf, runs in the shell's own: it sets variables)
  const path = host.dialect === 'bash' && (name.includes('/') || !isBuiltinOf('bash', name)) ? (name.includes('/') ? name : programPaths(host, name)[0]) : undefined
  if (values.length === 0 && path === undefined) return env
  const overlay = new OverlayEnv(env)
  for (const [n, v] of values) {
    overlay.set(n, v)
    overlay.export(n)
  }
  if (path !== undefined) {
    overlay.set('_', path)
    overlay.export('_')
  }
  return overlay
}
