// Properties checked against the machine's real GNU bash 5.2: for generated arithmetic
// expressions, parameter expansions and brace expansions, the lab shell prints what bash prints (stdout, stderr and
// status). The samples come from fast-check with a fixed seed and run in ONE bash process.

import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Outcome } from './testing/realTools'
import { requireTools } from './testing/realTools'
import { realBashLines } from './testing/bashOracle'
import { newShell } from './testSupport'

const number = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map(String),
  fc.constantFrom('9223372036854775807', '9223372036854775808', '4294967296', '0x7f', '017', '2#1011', '16#ff', '3000000000'),
)
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    fc.constantFrom('x', 'y'),
    fc.tuple(fc.constantFrom('-', '~', '!', '+'), tie('e')).map(([o, e]) => `${o}(${e})`),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '**', '<<', '>>', '&', '|', '^', '<', '>=', '==', '!=', '&&', '||'), tie('e'))
      .map(([a, o, b]) => `(${a} ${o} ${b})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([a, b, c]) => `(${a} ? ${b} : ${c})`),
  ),
})).e

const value = fc.array(fc.constantFrom('a', 'b', '.', '-', 'x', '/', ' ', 'A'), { maxLength: 10 }).map((a) => a.join(''))
const pattern = fc.array(fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '[!a]', 'x', '[[:upper:]]'), { maxLength: 4 }).map((a) => a.join(''))
const offset = fc.integer({ min: -12, max: 12 }).map((n) => (n < 0 ? ` ${n}` : String(n)))
const expansion = fc.oneof(
  fc.tuple(fc.constantFrom('#', '##', '%', '%%'), pattern).map(([o, p]) => `${o}${p}`),
  fc.tuple(fc.constantFrom('/', '//', '/#', '/%'), pattern, fc.constantFrom('', 'R', '<&>')).map(([o, p, r]) => `${o}${p}/${r}`),
  fc.constantFrom('^^', ',,', '^', ',', ':-d', ':+a', '-d', '+a'),
  fc.tuple(offset, fc.option(offset, { nil: undefined })).map(([o, l]) => `:${o}${l === undefined ? '' : `:${l}`}`),
)

const ARITH = fc.sample(expr, { seed: 12, numRuns: 150 }).map((e) => `x=7; y=-3; echo $(( ${e} ))`)
const PARAMS = fc
  .sample(fc.tuple(value, fc.array(expansion, { minLength: 1, maxLength: 3 })), { seed: 7, numRuns: 150 })
  .map(([v, ops]) => `V='${v}'; echo ${ops.map((o) => `"[\${V${o}}]"`).join(' ')}`)
// Brace expansions: lists, nested lists, sequences (numbers, padded, stepped, letters), with
// prefixes and suffixes, next to quoted text. Braces are balanced: how bash pairs a stray `}`
// inside nested lists is not imitated.
const braceItem: fc.Arbitrary<string> = fc.letrec<{ w: string }>((tie) => ({
  w: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'x1', '', '"q r"', "'s'", '-'),
    fc.tuple(fc.constantFrom('', 'p', '$HOME'), fc.array(tie('w'), { minLength: 1, maxLength: 3 }), fc.constantFrom('', 's', '.txt'))
      .map(([pre, items, post]) => `${pre}{${items.join(',')}}${post}`),
    fc.tuple(fc.integer({ min: -3, max: 12 }), fc.integer({ min: -3, max: 12 }), fc.constantFrom('', '..2', '..-3', '..0'), fc.constantFrom('', '0'))
      .map(([a, b, step, pad]) => `{${pad}${a}..${b}${step}}`),
    // Letter ranges within one case: a range across cases passes `\` and a backquote, which bash
    // then reads as quoting and a command substitution (left out: nobody means that).
    fc.constantFrom(['a', 'e'], ['z', 'a'], ['X', 'Z'], ['c', 'c'], ['b', 'y']).map(([a, b]) => `{${a}..${b}}`),
  ),
})).w
const BRACES = fc.sample(fc.array(braceItem, { minLength: 1, maxLength: 3 }), { seed: 5, numRuns: 120 }).map((ws) => `echo ${ws.join(' ')}`)
const CASES = [...ARITH, ...PARAMS, ...BRACES]

let real: Outcome[] = []
beforeAll(async () => {
  requireTools('bash')
  real = await realBashLines(CASES)
}, 120_000)

describe('generated arithmetic and parameter expansions agree with GNU bash 5.2', () => {
  test('arithmetic', async () => {
    for (let i = 0; i < ARITH.length; i++) expect([ARITH[i], await newShell().run(ARITH[i])]).toEqual([ARITH[i], real[i]])
  })
  test('brace expansions', async () => {
    for (let i = 0; i < BRACES.length; i++) {
      const j = ARITH.length + PARAMS.length + i
      expect([BRACES[i], await newShell().run(BRACES[i])]).toEqual([BRACES[i], real[j]])
    }
  })
  test('parameter expansions', async () => {
    for (let i = 0; i < PARAMS.length; i++) {
      const j = ARITH.length + i
      expect([PARAMS[i], await newShell().run(PARAMS[i])]).toEqual([PARAMS[i], real[j]])
    }
  })
})
