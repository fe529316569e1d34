import { describe, expect, it } from 'vitest'
import { createLab } from './lab'
import { exportFileName, MAX_IMPORT_BYTES, parseImportedLab, readImportedLab, validateImportedLab } from './labFile'

async function exported() {
  const lab = await createLab({ seed: '1' })
  await lab.run('kubectl create namespace sa-demo')
  await lab.run('lab lesson article --keep')
  return { v: 1, savedAt: '2026-05-23T23:30:00.000Z', seed: '1', snapshot: lab.snapshot(), lines: [[['out', 'namespace/sa-demo created']]] }
}

const reason = (r: ReturnType<typeof parseImportedLab>) => (r.ok ? 'ok' : r.reason)

describe('lab files (export / import)', () => {
  it('an exported lab imports into a new lab with the same objects, clock and lesson', async () => {
    const file = await exported()
    const r = parseImportedLab(JSON.stringify(file))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const lab = await createLab({ state: r.lab.snapshot })
    expect((await lab.run('kubectl get ns sa-demo -o name')).stdout).toBe('namespace/sa-demo\n')
    expect(lab.lesson()?.id).toBe('article')
    expect(r.lab.lines).toEqual([[['out', 'namespace/sa-demo created']]])
  })

  it('refuses what is not JSON, not a lab, or broken, saying why', async () => {
    const file = await exported()
    expect(reason(parseImportedLab('{'))).toBe('the file is not JSON')
    expect(reason(parseImportedLab('[1]'))).toBe('the file does not hold a lab (it is not a JSON object)')
    expect(reason(parseImportedLab('null'))).toBe('the file does not hold a lab (it is not a JSON object)')
    expect(reason(validateImportedLab({ v: 1 }))).toBe('the file cannot be used: it holds no lab snapshot')
    expect(reason(validateImportedLab({ ...file, snapshot: { ...file.snapshot, startMs: 'x' } }))).toBe('the file cannot be used: startMs: expected number, found "x"')
    expect(reason(validateImportedLab({ ...file, snapshot: { ...file.snapshot, lessons: { lesson: 'nope', step: 0, hints: 0, ran: 0, checks: [] } } }))).toBe(
      'the file cannot be used: the saved lesson progress names an unknown lesson "nope"',
    )
  })

  it('refuses files from a newer version', async () => {
    const file = await exported()
    expect(reason(validateImportedLab({ ...file, v: 2 }))).toBe('the file was made by a newer version of the lab (file version 2; this page reads version 1)')
    expect(reason(validateImportedLab({ ...file, snapshot: { ...file.snapshot, version: 9 } }))).toBe(
      'the file holds a lab from a newer version of the lab (lab version 9; this page reads version 1)',
    )
  })

  it('refuses files that are too large before reading them', async () => {
    const big = new Blob(['x'.repeat(MAX_IMPORT_BYTES + 1)])
    expect(reason(await readImportedLab(big))).toBe(`the file is too large (${MAX_IMPORT_BYTES + 1} bytes; at most ${MAX_IMPORT_BYTES})`)
    expect(reason(await readImportedLab(new Blob([JSON.stringify(await exported())])))).toBe('ok')
  })

  it('names the file after the lab time', () => {
    expect(exportFileName(Date.UTC(2026, 4, 23, 23, 27, 30))).toBe('token-lab-2026-05-23T23-27-30.json')
  })
})
