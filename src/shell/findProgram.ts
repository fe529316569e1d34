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
import { missingHint } from './missingHints'

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

/** bash 5.2's words for a script whose #! program is not there (execve's ENOENT on an existing file). */
const MISSING_INTERPRETER = 'cannot execute: required file not found'

/**
 * A script of the workstation's that `path` names and may run (chmod +x): the program its `#!` line
 * names, with the words before the script's path (Linux passes what follows the interpreter as one
 * word); without `#!`, bash runs it (as bash does a file the kernel cannot run). An interpreter
 * that is not there: `cannot execute: required file not found`. Undefined where `path` is no executable file.
 */
export function scriptAt(host: ExecHost, path: string): { spec: CommandSpec; words: string[] } | { error: string } | undefined {
  if (host.pathsOf) return undefined
  const p = host.fs.resolve(path)
  if (host.fs.isDir(p) || !host.fs.exists(p) || ((host.fs.mode?.(p) ?? 0) & 0o111) === 0) return undefined
  const text = host.fs.readFile(p) ?? ''
  const end = text.indexOf('\n')
  const line = text.startsWith('#!') ? text.slice(2, end < 0 ? undefined : end).trim() : ''
  if (line === '') {
    const bash = host.lookup('bash')
    return bash ? { spec: bash, words: ['bash'] } : undefined
  }
  const cut = line.search(/[ \t]/)
  const interpreter = cut < 0 ? line : line.slice(0, cut)
  const arg = cut < 0 ? '' : line.slice(cut).trim()
  const spec = programAt(host, interpreter)
  if (!spec) return { error: MISSING_INTERPRETER }
  // `#!/usr/bin/env bash`: env finds the program on PATH and runs it
  if (spec.name === 'env' && /^[\w.+-]+$/.test(arg)) {
    const found = findProgram(host, arg)
    return found ? { spec: found, words: [arg] } : { error: MISSING_INTERPRETER }
  }
  return { spec, words: [interpreter, ...(arg ? [arg] : [])] }
}

/**
 * Why a path that names no program cannot be run, where it names something: a file without an
 * execute bit is `Permission denied` (chmod +x, or `bash FILE`), a directory bash's `Is a directory`
 * (dash's `Permission denied`), a path through a file `Not a directory`. Undefined where nothing is
 * there (`No such file or directory`), and in a container, whose image has programs the lab does not run.
 */
export function notExecutable(host: ExecHost, path: string): string | undefined {
  if (host.pathsOf) return undefined
  const p = host.fs.resolve(path)
  if (host.fs.isDir(p)) return host.dialect === 'bash' ? 'Is a directory' : 'Permission denied'
  if (host.fs.exists(p)) return 'Permission denied'
  for (let up = p.slice(0, p.lastIndexOf('/')); up; up = up.slice(0, up.lastIndexOf('/'))) if (host.fs.exists(up) && !host.fs.isDir(up)) return 'Not a directory'
  return undefined
}

/** What bash says when NAME runs nothing (`script`: a script whose #! program is not there), and its status. */
export function notRunnable(host: ExecHost, name: string, script?: { error: string }): { text: string; status: number } {
  if (script) return { text: `bash: ${name}: ${script.error}\n`, status: 127 }
  const denied = name.includes('/') ? notExecutable(host, name) : undefined
  if (denied) return { text: `bash: ${name}: ${denied}\n`, status: 126 }
  if (name.includes('/')) return { text: `bash: ${name}: No such file or directory\n`, status: 127 }
  return { text: `bash: ${name}: command not found\n${missingHint(name) ?? ''}`, status: 127 }
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
