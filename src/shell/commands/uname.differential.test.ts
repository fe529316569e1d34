// uname and arch on the workstation against coreutils 9.1 on this machine. The kernel differs (this
// machine's is not the lab's Debian 12 one) and so does the host name: on both sides each field's
// value becomes its letter in brackets before the comparison, so what is compared is which fields
// are printed, in which order, and every message and status.

import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { KERNEL } from '../../cluster/kernel'
import { missingTools, runLab, runReal } from './diffSupport'
import type { RunResult } from '../types'

const CASES = [
  'uname', 'uname -a', 'uname -s', 'uname -n', 'uname -r', 'uname -v', 'uname -m', 'uname -p', 'uname -i', 'uname -o', 'uname -snrvmpio', 'uname -ap',
  'uname -a -i', 'uname -pi', 'uname -mrs', 'uname -o -s', 'uname --all', 'uname --kernel-name', 'uname --nodename', 'uname --kernel-release', 'uname --release',
  'uname --rel', 'uname --sysname', 'uname --kernel-version', 'uname --machine', 'uname --processor', 'uname --hardware-platform', 'uname --operating-system',
  'uname --kernel', 'uname --k', 'uname --o', 'uname --bogus', 'uname --all=x', 'uname -x', 'uname -ax', 'uname x', 'uname -a x', 'uname -- x', 'uname --', 'uname -a --',
  'uname --version', 'uname -a --version', 'uname -x --version', 'uname x --version', 'uname --vers',
  'arch', 'arch x', 'arch -a', 'arch --', 'arch --version', 'arch --bogus',
]

/** This machine's values of the fields, as uname prints them one by one. */
function realFields(): Record<string, string> {
  const field = (f: string) => spawnSync('uname', [`-${f}`], { encoding: 'utf8' }).stdout.replace(/\n$/, '')
  return { n: field('n'), r: field('r'), v: field('v') }
}

/** stdout with the host's name, the kernel's release and its version as `[n]`, `[r]`, `[v]`. */
function placeholders(r: RunResult, fields: Record<string, string>): RunResult {
  const stdout = r.stdout
    .split('\n')
    .map((line) => line.replace(fields.v, '[v]').replace(fields.r, '[r]').split(' ').map((w) => (w === fields.n ? '[n]' : w)).join(' '))
    .join('\n')
  return { ...r, stdout }
}

describe('uname and arch agree with coreutils', () => {
  const missing = missingTools(['uname', 'arch'])
  test('the real tools are installed', () => {
    expect(missing, `missing on this machine: ${missing.join(', ')}`).toEqual([])
  })
  test('every case: stdout, stderr and status', async () => {
    const here = realFields()
    const real = runReal(CASES, {}).map((r) => placeholders(r, here))
    const lab = (await runLab(CASES, {})).map((r) => placeholders(r, { n: 'workstation', r: KERNEL.release, v: KERNEL.version }))
    for (const [i, line] of CASES.entries()) expect.soft({ line, ...lab[i] }).toEqual({ line, ...real[i] })
  })
  test('the lab prints its own kernel: Debian 12, 6.1.0-40-amd64', async () => {
    const [r] = await runLab(['uname -a'], {})
    expect(r.stdout).toBe('Linux workstation 6.1.0-40-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20) x86_64 GNU/Linux\n')
  })
})
