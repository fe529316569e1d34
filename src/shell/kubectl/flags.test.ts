import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { goDurationError, parseFlags, parseGoDuration, type FlagDef } from './flags'
import { FakeLab, runKubectl } from './testing/fake'

const DEFS: FlagDef[] = [
  { name: 'namespace', short: 'n', kind: 'string', help: '' },
  { name: 'stdin', short: 'i', kind: 'bool', help: '' },
  { name: 'tty', short: 't', kind: 'bool', help: '' },
  { name: 'env', kind: 'stringArray', help: '' },
  { name: 'dry-run', kind: 'string', noOptDefault: 'unchanged', help: '' },
]
const USAGE = "See 'kubectl x --help' for usage."

describe('pflag parsing', () => {
  it('reads every value form, combined shorthands, repeats and --', () => {
    const p = parseFlags(['a', '-it', '--namespace', 'x', '-nq', '--env=A=1', '--env', 'B=2', '--dry-run', 'b', '--', 'c', '-n', 'z'], DEFS, USAGE)
    expect(p.args).toEqual(['a', 'b', 'c', '-n', 'z'])
    expect(p.argsLenAtDash).toBe(2)
    expect(p.values.get('namespace')).toEqual(['q'])
    expect(p.values.get('env')).toEqual(['A=1', 'B=2'])
    expect(p.values.get('stdin')).toEqual(['true'])
    expect(p.values.get('dry-run')).toEqual(['unchanged'])
  })
  it('parses Go durations', () => {
    expect(parseGoDuration('30s')).toBe(30_000)
    expect(parseGoDuration('1m30s')).toBe(90_000)
    expect(parseGoDuration('0')).toBe(0)
    expect(parseGoDuration('-1s')).toBe(-1000)
    expect(parseGoDuration('5')).toBeUndefined()
  })
  it('no argv makes kubectl crash: it always exits with a code and a kubectl-style message', async () => {
    const lab = new FakeLab({}, '2026-11-29T15:00:00Z')
    const word = fc.oneof(fc.constantFrom('get', 'run', 'exec', 'delete', 'wait', 'create', 'ns', 'pods', '--', '-n', '-it', '--image=x', '-o', 'yaml', 'pod/x'), fc.string({ maxLength: 6 }))
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (argv) => {
        const r = await runKubectl(lab, argv)
        expect(Number.isInteger(r.exitCode)).toBe(true)
        expect(r.stderr).not.toMatch(/TypeError|is not a function|Cannot read prop/)
      }),
      { numRuns: 150 },
    )
  })
})

describe('time.ParseDuration errors (Go src/time/format.go)', () => {
  it.each([
    ['10', 'time: missing unit in duration "10"'],
    ['1.5', 'time: missing unit in duration "1.5"'],
    ['1h10', 'time: missing unit in duration "1h10"'],
    ['-5', 'time: missing unit in duration "-5"'],
    ['10x', 'time: unknown unit "x" in duration "10x"'],
    ['x', 'time: invalid duration "x"'],
    ['', 'time: invalid duration ""'],
    ['.', 'time: invalid duration "."'],
  ])('%j', (text, msg) => {
    expect(goDurationError(text)).toBe(msg)
  })
})
