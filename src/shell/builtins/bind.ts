// Binds the shell's builtins to the executor: the BuiltinHost view of it, and the environment a
// builtin sees under prefix assignments (`IFS=, read a b`: IFS is seen, a and b are set for good).

import type { Executor, ExecHost } from '../executor'
import type { ShellEnv } from '../types'
import type { IndexedArray } from '../indexedArray'
import type { AssocArray } from '../assocArray'
import type { BuiltinHost } from './host'
import { commandPaths } from '../commands/which'

/**
 * Every file the program NAME is on PATH, in PATH order: the host's answer (a container's image),
 * else the workstation's layout for a command the shell has (a stand-in for a missing one has none).
 */
export function programPaths(host: ExecHost, name: string): string[] {
  if (host.pathsOf) return host.pathsOf(name)
  const known = (n: string) => { const spec = host.lookup(n); return spec !== undefined && !spec.missing }
  // a path names the program when the lab has one of that name (the layout is not checked)
  if (name.includes('/')) return known(name.slice(name.lastIndexOf('/') + 1)) ? [name] : []
  return commandPaths(name, known)
}

export function builtinHost(ex: Executor, host: ExecHost): BuiltinHost {
  return {
    rt: ex.rt,
    get status() {
      return ex.status
    },
    functions: ex.functions,
    runText: (text, io, env) => ex.runText(text, io, env),
    runArgv: (argv, io, env) => ex.dispatch(argv, io, env, [], true),
    // a stand-in for a missing program (CommandSpec.missing) is no program to type or command -v
    lookup: (name) => {
      const spec = host.lookup(name)
      return spec?.missing ? undefined : spec
    },
    pathsOf: (name) => programPaths(host, name),
    dialect: host.dialect,
    readFile: (path) => host.fs.readFile(path),
    isDir: (path) => host.fs.isDir(path),
    resolve: (path) => host.fs.resolve(path),
    stdout: (io, text) => ex.write(io.out, text),
    stderr: (io, text) => ex.write(io.err, text),
    jobs: {
      table: ex.bg.table,
      lab: () => ex.bg.lab(),
      interactive: ex.bg.interactive,
      notify: (io) => ex.bg.notify(ex, io.err),
      release: () => ex.bg.release(),
    },
  }
}

/** Prefix assignments seen by a builtin: they shadow reads; the builtin's own writes go through. */
export class PrefixEnv implements ShellEnv {
  private temp: Map<string, string>
  constructor(private parent: ShellEnv, values: [string, string][]) {
    this.temp = new Map(values)
  }
  get(name: string): string | undefined {
    return this.temp.has(name) ? this.temp.get(name) : this.parent.get(name)
  }
  set(name: string, value: string): void {
    this.temp.delete(name)
    this.parent.set(name, value)
  }
  unset(name: string): void {
    this.temp.delete(name)
    this.parent.unset(name)
  }
  export(name: string): void {
    this.parent.export(name)
  }
  isExported(name: string): boolean {
    return this.parent.isExported(name)
  }
  exported(): Record<string, string> {
    return { ...this.parent.exported(), ...Object.fromEntries(this.temp) }
  }
  all(): Record<string, string> {
    return { ...(this.parent.all?.() ?? this.parent.exported()), ...Object.fromEntries(this.temp) }
  }
  array(name: string): IndexedArray | undefined {
    return this.parent.array(name)
  }
  assoc(name: string): AssocArray | undefined {
    return this.parent.assoc(name)
  }
  putArray(name: string, value: IndexedArray | AssocArray): void {
    this.parent.putArray(name, value)
  }
  ownArray(name: string): IndexedArray | undefined {
    return this.parent.ownArray(name)
  }
  ownAssoc(name: string): AssocArray | undefined {
    return this.parent.ownAssoc(name)
  }
  arrayNames(): string[] {
    return this.parent.arrayNames?.() ?? []
  }
}
