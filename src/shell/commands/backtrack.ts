// A backtracking matcher with a step budget, for the patterns a linear-time engine cannot run
// (back-references such as `\(a\)\1`). It reads the JavaScript-syntax subset that regex.ts
// writes: literals, `.`, classes, groups, alternation, greedy repeats, `^ $ \b \B`, one-character
// lookarounds and `\1`..`\9`. Past its budget it throws BacktrackLimit instead of running on.

type Test = (c: string) => boolean
type Node =
  | { t: 'char'; test: Test }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; index: number; body: Node }
  | { t: 'rep'; body: Node; min: number; max: number }
  | { t: 'assert'; kind: '^' | '$' | 'b' | 'B' }
  | { t: 'look'; behind: boolean; negate: boolean; test: Test }
  | { t: 'backref'; n: number }

export class BacktrackLimit {
  constructor(readonly steps: number) {}
}

const isWord: Test = (c) => /[A-Za-z0-9_]/.test(c)
const ESCAPES: Record<string, Test> = {
  w: isWord,
  W: (c) => !isWord(c),
  s: (c) => /\s/.test(c),
  S: (c) => !/\s/.test(c),
}
const CONTROL: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' }

class Parser {
  i = 0
  groups = 0
  constructor(private s: string) {}

  alt(): Node {
    const alts = [this.seq()]
    while (this.s[this.i] === '|') {
      this.i++
      alts.push(this.seq())
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts }
  }

  private seq(): Node {
    const items: Node[] = []
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.repeat(this.atom()))
    return { t: 'seq', items }
  }

  private repeat(atom: Node): Node {
    for (;;) {
      const c = this.s[this.i]
      let min: number
      let max: number
      if (c === '*' || c === '+' || c === '?') {
        this.i++
        ;[min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1]
      } else if (c === '{' && /^\{\d*,?\d*\}/.test(this.s.slice(this.i))) {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(this.s.slice(this.i))!
        this.i += m[0].length
        min = Number(m[1] || 0)
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min
      } else return atom
      atom = { t: 'rep', body: atom, min, max }
    }
  }

  private atom(): Node {
    const c = this.s[this.i++]
    if (c === '(') {
      let node: Node
      const la = /^\?(<?)([=!])/.exec(this.s.slice(this.i))
      if (la) {
        this.i += la[0].length
        const inner = this.atom()
        if (inner.t !== 'char') throw new Error('unsupported lookaround')
        node = { t: 'look', behind: la[1] === '<', negate: la[2] === '!', test: inner.test }
      } else if (this.s.startsWith('?:', this.i)) {
        this.i += 2
        node = this.alt()
      } else node = { t: 'group', index: ++this.groups, body: this.alt() }
      if (this.s[this.i++] !== ')') throw new Error('unbalanced parenthesis')
      return node
    }
    if (c === '[') return { t: 'char', test: this.charClass() }
    if (c === '.') return { t: 'char', test: (x) => x !== '\n' }
    if (c === '^' || c === '$') return { t: 'assert', kind: c }
    if (c === '\\') {
      const n = this.s[this.i++]
      if (n === 'b' || n === 'B') return { t: 'assert', kind: n }
      if (/[1-9]/.test(n)) return { t: 'backref', n: Number(n) }
      if (ESCAPES[n]) return { t: 'char', test: ESCAPES[n] }
      const lit = this.escaped(n)
      return { t: 'char', test: (x) => x === lit }
    }
    return { t: 'char', test: (x) => x === c }
  }

  private escaped(n: string): string {
    if (n === 'x') {
      const hex = this.s.slice(this.i, this.i + 2)
      this.i += 2
      return String.fromCharCode(parseInt(hex, 16))
    }
    return CONTROL[n] ?? n
  }

  private classChar(): string {
    const c = this.s[this.i++]
    return c === '\\' ? this.escaped(this.s[this.i++]) : c
  }

  private charClass(): Test {
    const negate = this.s[this.i] === '^'
    if (negate) this.i++
    const ranges: [string, string][] = []
    while (this.i < this.s.length && this.s[this.i] !== ']') {
      const from = this.classChar()
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        this.i++
        ranges.push([from, this.classChar()])
      } else ranges.push([from, from])
    }
    this.i++
    return (x) => ranges.some(([a, b]) => x >= a && x <= b) !== negate
  }
}

/** Apply case folding to every character test once, at compile time. */
function foldTests(n: Node, fold: (t: Test) => Test): void {
  if (n.t === 'char' || n.t === 'look') n.test = fold(n.test)
  else if (n.t === 'seq') n.items.forEach((x) => foldTests(x, fold))
  else if (n.t === 'alt') n.alts.forEach((x) => foldTests(x, fold))
  else if (n.t === 'group' || n.t === 'rep') foldTests(n.body, fold)
}

export interface Backtracker {
  /** The first match at or after `from` (leftmost, JavaScript's choice among alternatives). */
  find(line: string, from: number): [number, number] | undefined
}

/** Compile `source` (the subset above); `budget` counts steps across all calls of find. */
export function compileBacktracker(source: string, ignoreCase: boolean, budget: { steps: number; max: number }): Backtracker {
  const parser = new Parser(source)
  const root = parser.alt()
  const fold = (t: Test): Test => (ignoreCase ? (c) => t(c) || t(c.toLowerCase()) || t(c.toUpperCase()) : t)
  foldTests(root, fold)
  const same = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b)
  return {
    find(s, from) {
      const caps: (number | undefined)[] = []
      const tick = () => {
        if (++budget.steps > budget.max) throw new BacktrackLimit(budget.max)
      }
      const wordAt = (i: number) => i >= 0 && i < s.length && isWord(s[i])
      const m = (n: Node, i: number, k: (i: number) => boolean): boolean => {
        tick()
        switch (n.t) {
          case 'char':
            return i < s.length && n.test(s[i]) && k(i + 1)
          case 'seq': {
            const go = (j: number, i2: number): boolean => (j === n.items.length ? k(i2) : m(n.items[j], i2, (e) => go(j + 1, e)))
            return go(0, i)
          }
          case 'alt':
            return n.alts.some((a) => m(a, i, k))
          case 'group': {
            const [os, oe] = [caps[2 * n.index], caps[2 * n.index + 1]]
            const ok = m(n.body, i, (e) => {
              const [ps, pe] = [caps[2 * n.index], caps[2 * n.index + 1]]
              caps[2 * n.index] = i
              caps[2 * n.index + 1] = e
              if (k(e)) return true
              caps[2 * n.index] = ps
              caps[2 * n.index + 1] = pe
              return false
            })
            if (!ok) [caps[2 * n.index], caps[2 * n.index + 1]] = [os, oe]
            return ok
          }
          case 'rep': {
            const loop = (count: number, j: number): boolean =>
              (count < n.max && m(n.body, j, (e) => (e !== j || count < n.min) && loop(count + 1, e))) || (count >= n.min && k(j))
            return loop(0, i)
          }
          case 'assert': {
            const b = wordAt(i - 1) !== wordAt(i)
            const ok = n.kind === '^' ? i === 0 : n.kind === '$' ? i === s.length : n.kind === 'b' ? b : !b
            return ok && k(i)
          }
          case 'look': {
            const j = n.behind ? i - 1 : i
            const hit = j >= 0 && j < s.length && n.test(s[j])
            return hit !== n.negate && k(i)
          }
          case 'backref': {
            const [bs, be] = [caps[2 * n.n], caps[2 * n.n + 1]]
            if (bs === undefined || be === undefined) return false
            const text = s.slice(bs, be)
            return i + text.length <= s.length && same(s.slice(i, i + text.length), text) && k(i + text.length)
          }
        }
      }
      for (let start = from; start <= s.length; start++) {
        let end = -1
        caps.length = 0
        if (m(root, start, (e) => ((end = e), true))) return [start, end]
      }
      return undefined
    },
  }
}
