// The shell's variables (a ShellEnv): plain data with snapshot/restore, plus an overlay used for
// subshells and `A=1 cmd` prefix assignments, so that neither leaks into the interactive shell.
// Arrays live beside the variables under keys of their own (arrays.ts); a snapshot holds them as text.

import type { ShellEnv } from './types'
import { ARRAY_KEY, arrayFromText, arrayText, isArrayKey } from './arrays'
import { IndexedArray } from './indexedArray'
import { AssocArray } from './assocArray'

export interface EnvSnapshot {
  vars: Record<string, string>
  exported: string[]
}

type Kept = string | IndexedArray | AssocArray

/** A variable's value from a kept entry (an array's own key has none). */
const text = (v: Kept | null | undefined): string | undefined => (typeof v === 'string' ? v : undefined)
/** An indexed array from a kept entry. */
const arrayIn = (v: Kept | null | undefined): IndexedArray | undefined => (v instanceof IndexedArray ? v : undefined)
/** An associative array from a kept entry. */
const assocIn = (v: Kept | null | undefined): AssocArray | undefined => (v instanceof AssocArray ? v : undefined)

export class MemoryEnv implements ShellEnv {
  private vars = new Map<string, Kept>()
  private exportedNames = new Set<string>()

  constructor(snapshot?: EnvSnapshot) {
    if (snapshot) this.restore(snapshot)
  }

  get(name: string): string | undefined {
    return text(this.vars.get(name))
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
    for (const [k, v] of this.vars) if (this.exportedNames.has(k) && typeof v === 'string') out[k] = v
    return out
  }

  /** All variables, exported or not (for `set`-like listings; the arrays' own keys left out). */
  all(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [k, v] of this.vars) if (typeof v === 'string') out[k] = v
    return out
  }

  array(name: string): IndexedArray | undefined {
    return arrayIn(this.vars.get(ARRAY_KEY + name))
  }

  assoc(name: string): AssocArray | undefined {
    return assocIn(this.vars.get(ARRAY_KEY + name))
  }

  putArray(name: string, value: IndexedArray | AssocArray): void {
    this.vars.set(ARRAY_KEY + name, value)
  }

  ownArray(name: string): IndexedArray | undefined {
    return this.array(name)
  }

  ownAssoc(name: string): AssocArray | undefined {
    return this.assoc(name)
  }

  arrayNames(): string[] {
    return [...this.vars].filter(([k, v]) => typeof v === 'object' && isArrayKey(k)).map(([k]) => k.slice(ARRAY_KEY.length))
  }

  snapshot(): EnvSnapshot {
    const vars: Record<string, string> = {}
    for (const [k, v] of this.vars) vars[k] = typeof v === 'string' ? v : arrayText(v)
    return { vars, exported: [...this.exportedNames] }
  }

  restore(s: EnvSnapshot): void {
    this.vars = new Map(Object.entries(s.vars).map(([k, v]) => [k, isArrayKey(k) ? arrayFromText(v) : v]))
    this.exportedNames = new Set(s.exported)
  }
}

/** Reads fall through to the parent; writes stay local (an inherited array is copied before it changes). */
export class OverlayEnv implements ShellEnv {
  private local = new Map<string, Kept | null>()
  private localExported = new Set<string>()

  constructor(private parent: ShellEnv) {}

  get(name: string): string | undefined {
    if (this.local.has(name)) return text(this.local.get(name))
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
      else if (typeof v === 'string') out[k] = v
    }
    return out
  }

  exported(): Record<string, string> {
    const out = { ...this.parent.exported() }
    for (const [k, v] of this.local) {
      if (v === null) delete out[k]
      else if (typeof v === 'string' && this.isExported(k)) out[k] = v
    }
    for (const k of this.localExported) {
      const v = this.get(k)
      if (v !== undefined) out[k] = v
    }
    return out
  }

  array(name: string): IndexedArray | undefined {
    const key = ARRAY_KEY + name
    return this.local.has(key) ? arrayIn(this.local.get(key)) : this.parent.array(name)
  }

  assoc(name: string): AssocArray | undefined {
    const key = ARRAY_KEY + name
    return this.local.has(key) ? assocIn(this.local.get(key)) : this.parent.assoc(name)
  }

  putArray(name: string, value: IndexedArray | AssocArray): void {
    this.local.set(ARRAY_KEY + name, value)
  }

  ownArray(name: string): IndexedArray | undefined {
    return this.own(name, arrayIn, () => this.parent.array(name))
  }

  ownAssoc(name: string): AssocArray | undefined {
    return this.own(name, assocIn, () => this.parent.assoc(name))
  }

  /** This overlay's own array NAME of one kind (`pick`), copied from the parent's (`inherited`) on first use. */
  private own<A extends IndexedArray | AssocArray>(name: string, pick: (v: Kept | null | undefined) => A | undefined, inherited: () => A | undefined): A | undefined {
    const key = ARRAY_KEY + name
    if (this.local.has(key)) return pick(this.local.get(key))
    const copy = inherited()?.clone() as A | undefined
    if (copy) this.local.set(key, copy)
    return copy
  }

  arrayNames(): string[] {
    return namesSeen(this.parent, this.local)
  }
}

/** The arrays a scope sees: its parent's, and its own keys' (an own key with no array hides the parent's). */
export function namesSeen(parent: ShellEnv, own: ReadonlyMap<string, unknown>): string[] {
  const names = new Set(parent.arrayNames?.() ?? [])
  for (const [k, v] of own) {
    if (!isArrayKey(k)) continue
    const name = k.slice(ARRAY_KEY.length)
    if (v !== null && typeof v === 'object') names.add(name)
    else names.delete(name)
  }
  return [...names]
}
