// Property tests: generated input lines (shell words, metacharacters, quotes and garbage) never
// make the shell throw or hang, and every non-zero exit status comes with a message on stderr.

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parse } from './parser/parser'
import { newShell } from './testSupport'

const WORDS = [
  'echo', 'printf', 'cat', 'cut', 'base64', 'tr', 'head', 'tail', 'wc', 'sort', 'ls', 'python3', 'env', 'export',
  'unset', 'pwd', 'cd', 'mkdir', 'rm', 'touch', 'history', 'help', 'nosuch', '-d', '-n', '-f2', '-c', '-w', '-e',
  '-m', 'json.tool', '--bogus', 'ca.pem', '.kube/config', 'nope', '/tmp', 'x', 'A=1', 'B=$(echo hi)', '$A', '${A}',
  '${A:-z}', '$?', '"$A"', "'q'", '$(echo a)', '`echo b`', '%s', '%d', '1', '0', '-1', '10', '\\n', '~', '*',
]
const META = ['|', '||', '&&', ';', ';;', '&', '>', '>>', '2>', '2>&1', '&>', '<', '<<EOF', "<<'EOF'", '<<<', '(', ')', '!', '#', '\n', '\\', '"', "'", '$(', '${', '`', '=', '{', '}']

const token = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...META) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
)
const line = fc.array(token, { maxLength: 12 }).map((ts) => ts.join(' '))
const glued = fc.array(token, { maxLength: 12 }).map((ts) => ts.join(''))

// Commands that legitimately fail without a message (or with a status from their input), and
// redirections that send the message to a file.
const SILENT_FAILURES = /\b(false|test|grep)\b|\[|!|\$\?|2>|&>|>&/

describe('shell properties', () => {
  test('the parser never throws and terminates on any input', () => {
    fc.assert(
      fc.property(fc.oneof(line, glued, fc.string({ maxLength: 80 })), (src) => {
        const r = parse(src)
        expect(typeof r.ok).toBe('boolean')
      }),
      { numRuns: 5000 },
    )
  })

  test('run never throws, never hangs, and non-zero exits explain themselves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(line, glued), async (src) => {
        const sh = newShell()
        const started = performance.now()
        const r = await sh.run(src)
        expect(performance.now() - started).toBeLessThan(2000)
        expect(r.stderr).not.toContain('internal error')
        if (r.exitCode !== 0 && !SILENT_FAILURES.test(src)) expect(r.stderr + r.stdout, JSON.stringify(src)).not.toBe('')
      }),
      { numRuns: 2000 },
    )
  }, 120_000)
})
