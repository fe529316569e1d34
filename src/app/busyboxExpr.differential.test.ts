// busybox expr in an Alpine pod against the real busybox on this machine (Debian's 1.35, whose
// expr.c is 1.36.1's): the same lines as GNU's test, through `busybox sh -c` with only busybox's
// applets on PATH and through `kubectl exec app -- sh -c` in the lab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp, shIn } from './testing'
import { requireTools, runBatch } from '../shell/testing/realTools'
import { EXPR_LINES } from '../shell/testing/exprLines'

let lab: Lab
let base = ''

beforeAll(async () => {
  lab = await labWithApp()
  base = mkdtempSync(join(tmpdir(), 'bbexpr-'))
}, 60_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('busybox expr in an Alpine container agrees with busybox', () => {
  it('stdout, stderr and status of each line', async () => {
    requireTools('/usr/bin/busybox')
    const bin = join(base, 'bin')
    mkdirSync(bin)
    for (const a of ['sh', 'expr', 'echo', 'head', '[']) symlinkSync('/usr/bin/busybox', join(bin, a))
    const real = await runBatch(EXPR_LINES.map((l) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', l], env: { PATH: bin } })))
    for (const [i, line] of EXPR_LINES.entries()) {
      expect.soft({ line, ...(await shIn(lab, 'app', line)) }).toEqual({ line, ...real[i] })
    }
  }, 60_000)
})
