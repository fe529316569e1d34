// The shell's variables (a ShellEnv): plain data with snapshot/restore, plus an overlay used for
// subshells and `A=1 cmd` prefix assignments, so that neither leaks into the interactive shell.

import type { ShellEnv } from './types'
import { isArrayKey } from './arrays'

export interface EnvSnapshot {
  vars: Record<string, string>
  exported: string[]
}

export class MemoryEnv implements ShellEnv {
  private vars = new Map<string, string>()
  private exportedNames = new Set<string>()

  constructor(snapshot?: EnvSnapshot) {
    if (snapshot) this.restore(snapshot)
  }

  get(name: string): string | undefined {
    return this.vars.get(name)
  }

  set(name: string, value: string): void {
    this.vars.set(name, value)
  }

  unset(name: string): void {
    this.vars.delete(name)
    this.exportedNames.delete(name)
  }

  export(name: string): void {
    this.exportedNames.add(name)
  }

  isExported(name: string): boolean {
    return this.exportedNames.has(name)
  }

  exported(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [k, v] of this.vars) if (this.exportedNames.has(k)) out[k] = v
    return out
  }

  /** All variables, exported or not (for `set`-like listings; the arrays' own keys left out). */
  all(): Record<string, string> {
    return Object.fromEntries([...this.vars].filter(([k]) => !isArrayKey(k)))
  }

  snapshot(): EnvSnapshot {
    return { vars: Object.fromEntries(this.vars), exported: [...this.exportedNames] }
  }

  restore(s: EnvSnapshot): void {
    this.vars = new Map(Object.entries(s.vars))
    this.exportedNames = new Set(s.exported)
  }
}

/** Reads fall through to the parent; writes stay local. */
export class OverlayEnv implements ShellEnv {
  private local = new Map<string, string | null>()
  private localExported = new Set<string>()

  constructor(private parent: ShellEnv) {}

  get(name: string): string | undefined {
    if (this.local.has(name)) return this.local.get(name) ?? undefined
    return this.parent.get(name)
  }

  set(name: string, value: string): void {
    this.local.set(name, value)
  }

  unset(name: string): void {
    this.local.set(name, null)
    this.localExported.delete(name)
  }

  export(name: string): void {
    this.localExported.add(name)
  }

  isExported(name: string): boolean {
    if (this.localExported.has(name)) return true
    if (this.local.get(name) === null) return false
    return this.parent.isExported(name)
  }

  all(): Record<string, string> {
    const out = { ...(this.parent.all?.() ?? this.parent.exported()) }
    for (const [k, v] of this.local) {
      if (v === null) delete out[k]
      else if (!isArrayKey(k)) out[k] = v
    }
    return out
  }

  exported(): Record<string, string> {
    const out = { ...this.parent.exported() }
    for (const [k, v] of this.local) {
      if (v === null) delete out[k]
      else if (this.isExported(k)) out[k] = v
    }
    for (const k of this.localExported) {
      const v = this.get(k)
      if (v !== undefined) out[k] = v
    }
    return out
  }
}
