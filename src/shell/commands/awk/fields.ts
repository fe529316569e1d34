// Imitates: mawk's cast.c and field.c: awk values (numbers, strings, and strnums read from input
// that compare as numbers when they look like one), number/string conversion through CONVFMT and
// OFMT, and the record split into fields on FS, rebuilt with OFS when a field changes.

import { compileAwkRegex } from './regex'
import { numToStr } from './format'

/** A string that came from input and compares as a number when it looks like one. */
export class StrNum {
  constructor(readonly s: string) {}
}
export type Val = number | string | StrNum

export class AwkRuntimeError extends Error {}

const NUMERIC = /^[ \t\n]*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[ \t\n]*$/

export class Fields {
  vars = new Map<string, Val>()
  fields: string[] = ['']
  nf = 0

  // ---- values ----
  num(v: Val): number {
    if (typeof v === 'number') return v
    const s = typeof v === 'string' ? v : v.s
    const m = /^[ \t\n]*([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)/.exec(s)
    return m ? Number(m[1]) : 0
  }
  str(v: Val): string {
    if (typeof v === 'number') return numToStr(v, this.str(this.vars.get('CONVFMT') ?? '%.6g'))
    return typeof v === 'string' ? v : v.s
  }
  outStr(v: Val): string {
    return typeof v === 'number' ? numToStr(v, this.str(this.vars.get('OFMT') ?? '%.6g')) : this.str(v)
  }
  bool(v: Val): boolean {
    if (typeof v === 'number') return v !== 0
    if (typeof v === 'string') return v !== ''
    return NUMERIC.test(v.s) ? this.num(v) !== 0 : v.s !== ''
  }
  looksNum(v: Val): boolean {
    return typeof v === 'number' || (v instanceof StrNum && NUMERIC.test(v.s))
  }

  // ---- records and fields ----
  setRecord(text: string): void {
    this.fields = [text]
    this.split()
  }
  split(): void {
    const parts = this.splitText(this.fields[0], this.str(this.vars.get('FS')!))
    this.fields = [this.fields[0], ...parts]
    this.nf = parts.length
  }
  splitText(s: string, fs: string): string[] {
    if (fs === ' ') return s.split(/[ \t\n]+/).filter((x) => x !== '')
    if (s === '') return []
    // An empty separator (FS = "", -F '', split(s, a, "")): one field a character (a byte: mawk).
    if (fs === '') return [...s]
    if (fs.length === 1 && fs !== '\\') return s.split(fs)
    const re = compileAwkRegex(fs)
    const out: string[] = []
    let pos = 0
    for (;;) {
      const m = re.find(s, pos)
      if (!m || m[1] === m[0]) break
      out.push(s.slice(pos, m[0]))
      pos = m[1]
    }
    out.push(s.slice(pos))
    return out
  }
  getField(i: number): Val {
    if (i < 0) throw new AwkRuntimeError(`$${i}: negative field index`)
    if (i === 0) return new StrNum(this.fields[0])
    return i <= this.nf ? new StrNum(this.fields[i]) : new StrNum('')
  }
  setField(i: number, v: string): void {
    if (i < 0) throw new AwkRuntimeError(`$${i}: negative field index`)
    if (i === 0) return this.setRecord(v)
    while (this.nf < i) this.fields[++this.nf] = ''
    this.fields[i] = v
    this.rebuild()
  }
  rebuild(): void {
    this.fields.length = this.nf + 1
    this.fields[0] = this.fields.slice(1).join(this.str(this.vars.get('OFS')!))
  }
}
