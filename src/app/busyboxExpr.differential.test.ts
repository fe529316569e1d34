// busybox expr in an Alpine pod against the real busybox on this machine (Debian's 1.35, whose
// expr.c is 1.36.1's): the same lines as GNU's test, through `busybox sh -c` with only busybox's
// applets on PATH and through `kubectl exec app -- sh -c` in the lab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp, realBusybox, shIn } from './testing'
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
    const { outcomes: real } = await realBusybox(base, ['sh', 'expr', 'echo', 'head', '['], EXPR_LINES)
    for (const [i, line] of EXPR_LINES.entries()) {
      expect.soft({ line, ...(await shIn(lab, 'app', line)) }).toEqual({ line, ...real[i] })
    }
  }, 60_000)
})
