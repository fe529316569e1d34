// diff (GNU diffutils 3.8): compare two files line by line. The normal output (`2c2`, `< old`, `---`,
// `> new`), -u/-U N (unified, with the files' times: the lab's current time, as `ls -l` shows them),
// -q and -s; `-` is standard input; `\ No newline at end of file` where a file's last line has none.
// Status 0 when the files are the same, 1 when they differ, 2 on trouble. The edit script is a
// shortest one (Myers' algorithm), as GNU diff's is for the inputs a student compares; past 2,000
// edits the middle of the files is shown as one change.

import type { CommandContext, CommandSpec } from '../types'
import { humanTime } from './statFormat'

/** Lines the lab compares at most in each file (beyond, it says so): the search grows with both. */
const MAX_LINES = 20_000

interface Input {
  name: string
  lines: string[]
  /** The last line has no newline. */
  open: boolean
}

/** One step of the edit script: a line kept, one only in the first file, one only in the second. */
type Op = { k: '=' | '-' | '+'; a: number; b: number }

/** Edits the search looks for at most: past them, the middle of the files is shown as one change (bounded time and memory). */
const MAX_EDITS = 2000

/**
 * A shortest edit script from `a` to `b` (Myers 1986, forward search, kept lines first on ties),
 * after the lines the files begin and end with alike. Past MAX_EDITS edits it gives up, as GNU diff
 * does on costly inputs, and shows what lies between as one change: still a true edit script.
 */
function editScript(a: string[], b: string[]): Op[] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const mid = middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail))
  const ops: Op[] = []
  for (let i = 0; i < head; i++) ops.push({ k: '=', a: i, b: i })
  for (const o of mid) ops.push({ k: o.k, a: o.a + head, b: o.b + head })
  for (let i = 0; i < tail; i++) ops.push({ k: '=', a: a.length - tail + i, b: b.length - tail + i })
  return ops
}

function middle(a: string[], b: string[]): Op[] {
  const n = a.length
  const m = b.length
  const max = n + m
  const v = new Int32Array(2 * max + 2)
  /** Each round's furthest points, for k from -d to d. */
  const trace: Int32Array[] = []
  let done = max === 0
  for (let d = 0; d <= Math.min(max, MAX_EDITS) && !done; d++) {
    trace.push(v.slice(max - d, max + d + 1))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[max + k] = x
      if (x >= n && y >= m) {
        done = true
        break
      }
    }
  }
  if (!done) return [...a.map((_, i) => ({ k: '-' as const, a: i, b: 0 })), ...b.map((_, j) => ({ k: '+' as const, a: n, b: j }))]
  // back from the end through the saved rounds
  const ops: Op[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const at = (k: number) => trace[d][k + d]
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const pk = down ? k + 1 : k - 1
    const px = d === 0 ? 0 : at(pk)
    const py = px - pk
    while (x > px && y > py) ops.push({ k: '=', a: --x, b: --y })
    if (d === 0) break
    if (down) ops.push({ k: '+', a: x, b: --y })
    else ops.push({ k: '-', a: --x, b: y })
  }
  while (x > 0 && y > 0) ops.push({ k: '=', a: --x, b: --y })
  return ops.reverse()
}

/** The changes: runs of deletions and insertions between kept lines (`a0`..`a1` deleted, `b0`..`b1` added, ends excluded). */
function changes(ops: Op[]): { a0: number; a1: number; b0: number; b1: number }[] {
  const out: { a0: number; a1: number; b0: number; b1: number }[] = []
  let i = 0
  while (i < ops.length) {
    if (ops[i].k === '=') {
      i++
      continue
    }
    const start = ops[i]
    let a1 = start.a
    let b1 = start.b
    while (i < ops.length && ops[i].k !== '=') {
      if (ops[i].k === '-') a1 = ops[i].a + 1
      else b1 = ops[i].b + 1
      i++
    }
    out.push({ a0: start.a, a1, b0: start.b, b1 })
  }
  return out
}

/** Lines `from`..`to` (0-based, the end excluded) as the normal output numbers them: `N` or `N,M`. */
const range = (from: number, to: number) => (to - from === 1 ? String(to) : `${from + 1},${to}`)

/** A line as diff prints it, with the marker after the last line of a file that has no newline. */
function shown(prefix: string, f: Input, i: number): string {
  return `${prefix}${f.lines[i]}\n${f.open && i === f.lines.length - 1 ? '\\ No newline at end of file\n' : ''}`
}

function normal(a: Input, b: Input, ops: Op[]): string {
  let out = ''
  for (const c of changes(ops)) {
    const del = c.a1 > c.a0
    const add = c.b1 > c.b0
    const cmd = del && add ? 'c' : del ? 'd' : 'a'
    out += `${del ? range(c.a0, c.a1) : c.a0}${cmd}${add ? range(c.b0, c.b1) : c.b0}\n`
    for (let i = c.a0; i < c.a1; i++) out += shown('< ', a, i)
    if (del && add) out += '---\n'
    for (let i = c.b0; i < c.b1; i++) out += shown('> ', b, i)
  }
  return out
}

/** A unified hunk's range: `start,length` (`start` alone for one line; the line before for none). */
const uRange = (from: number, len: number) => (len === 1 ? String(from + 1) : `${len === 0 ? from : from + 1},${len}`)

function unified(a: Input, b: Input, ops: Op[], context: number, stamp: string): string {
  let out = `--- ${a.name}\t${stamp}\n+++ ${b.name}\t${stamp}\n`
  const idx = ops.map((o, i) => (o.k === '=' ? -1 : i)).filter((i) => i >= 0)
  let h = 0
  while (h < idx.length) {
    // a hunk: changes closer than twice the context go together
    let end = h
    while (end + 1 < idx.length && idx[end + 1] - idx[end] <= 2 * context + 1) end++
    const from = Math.max(0, idx[h] - context)
    const to = Math.min(ops.length, idx[end] + context + 1)
    const part = ops.slice(from, to)
    const aStart = part.find((o) => o.k !== '+')?.a ?? part[0].a
    const bStart = part.find((o) => o.k !== '-')?.b ?? part[0].b
    const aLen = part.filter((o) => o.k !== '+').length
    const bLen = part.filter((o) => o.k !== '-').length
    out += `@@ -${uRange(aStart, aLen)} +${uRange(bStart, bLen)} @@\n`
    for (const o of part) out += o.k === '+' ? shown('+', b, o.b) : o.k === '-' ? shown('-', a, o.a) : shown(' ', a, o.a)
    h = end + 1
  }
  return out
}

function read(ctx: CommandContext, name: string): Input | string {
  const text = name === '-' ? ctx.stdin : ctx.fs.readFile(ctx.fs.resolve(name))
  if (text === undefined) return ctx.fs.isDir(ctx.fs.resolve(name)) ? `comparing directories is not simulated in the lab; compare two files` : `${name}: No such file or directory`
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n')
  if (lines.length > MAX_LINES) return `${name}: more than ${MAX_LINES} lines, the lab's limit for diff`
  return { name, lines, open: text !== '' && !text.endsWith('\n') }
}

const TRY = "diff: Try 'diff --help' for more information.\n"

export const diff: CommandSpec = {
  name: 'diff',
  summary: 'Compare files line by line (normal output, -u/-U N unified, -q, -s).',
  usage: 'diff [-u | -U NUM] [-q] [-s] FILE1 FILE2',
  async run(ctx) {
    let context: number | undefined
    let brief = false
    let identical = false
    const files: string[] = []
    const args = ctx.argv.slice(1)
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        files.push(...args.slice(i + 1))
        break
      }
      if (a === '-u' || a === '--unified') context = 3
      else if (a === '-q' || a === '--brief') brief = true
      else if (a === '-s' || a === '--report-identical-files') identical = true
      else if (a === '-U' || /^-U\d+$/.test(a) || a.startsWith('--unified=')) {
        const v = a === '-U' ? args[++i] : a.replace(/^-U|^--unified=/, '')
        if (v === undefined || !/^\d+$/.test(v)) {
          ctx.stderr(`diff: invalid context length '${v ?? ''}'\n${TRY}`)
          return 2
        }
        context = Number(v)
      } else if (a.startsWith('-') && a !== '-') {
        ctx.stderr(`diff: option '${a}' is not simulated in the lab; it has -u, -U NUM, -q and -s\n`)
        return 2
      } else files.push(a)
    }
    if (files.length < 2) {
      ctx.stderr(`diff: missing operand after '${files[0] ?? 'diff'}'\n${TRY}`)
      return 2
    }
    if (files.length > 2) {
      ctx.stderr(`diff: extra operand '${files[2]}'\n${TRY}`)
      return 2
    }
    const [a, b] = files.map((f) => read(ctx, f))
    for (const f of [a, b]) if (typeof f === 'string') ctx.stderr(`diff: ${f}\n`)
    if (typeof a === 'string' || typeof b === 'string') return 2
    const ops = editScript(a.lines, b.lines)
    const same = ops.every((o) => o.k === '=') && a.open === b.open
    if (same) {
      if (identical) ctx.stdout(`Files ${a.name} and ${b.name} are identical\n`)
      return 0
    }
    if (brief) {
      ctx.stdout(`Files ${a.name} and ${b.name} differ\n`)
      return 1
    }
    // (the files carry the lab's current time, as `ls -l` and `stat` show them)
    const edits = withLastLine(ops, a, b)
    ctx.stdout(context === undefined ? normal(a, b, edits) : unified(a, b, edits, context, humanTime(ctx.lab.now())))
    return 1
  },
}

/** The last lines differ when only one of them ends with a newline: diff shows them as changed. */
function withLastLine(ops: Op[], a: Input, b: Input): Op[] {
  if (a.open === b.open || a.lines.length === 0 || b.lines.length === 0) return ops
  const last = ops.length - 1
  const o = ops[last]
  if (o.k !== '=' || o.a !== a.lines.length - 1 || o.b !== b.lines.length - 1) return ops
  return [...ops.slice(0, last), { k: '-', a: o.a, b: o.b }, { k: '+', a: o.a + 1, b: o.b }]
}
