// Byte-faithful strings (src/common/bytes.ts) survive what the lab does with its state: a binary
// file and a variable holding bytes come back the same after a JSON save or export (lone
// surrogates are written as \udcXX escapes), a structured clone (IndexedDB, the worker's
// messages) and a share link (which carries the commands, and whatever they hold).

import { describe, expect, it } from 'vitest'
import { createLab } from './lab'
import { parseImportedLab } from './labFile'
import { decodeShare, encodeShare, SHARE_VERSION } from './share'

const BIN = "printf '\\xff\\xfe\\x00\\x80\\xc3\\xa9' > bin; X=$(printf '\\xff\\xfe'); export X"
const CHECK = 'od -An -tx1 bin; printf %s "$X" | od -An -tx1'
const EXPECTED = ' ff fe 00 80 c3 a9\n ff fe\n'

async function binaryLab() {
  const lab = await createLab({ seed: 'bytes' })
  await lab.run(BIN)
  expect((await lab.run(CHECK)).stdout).toBe(EXPECTED)
  return lab
}

describe('bytes in the lab survive saves, exports, clones and share links', () => {
  it('a JSON round trip of the snapshot keeps the file and the variable byte for byte', async () => {
    const lab = await binaryLab()
    const again = await createLab({ state: JSON.parse(JSON.stringify(lab.snapshot())) })
    expect((await again.run(CHECK)).stdout).toBe(EXPECTED)
  })

  it('a structured clone of the snapshot keeps them (IndexedDB, postMessage)', async () => {
    const lab = await binaryLab()
    const again = await createLab({ state: structuredClone(lab.snapshot()) })
    expect((await again.run(CHECK)).stdout).toBe(EXPECTED)
  })

  it('an exported lab file (UTF-8 JSON) imports with the same bytes', async () => {
    const lab = await binaryLab()
    const text = JSON.stringify({ v: 1, savedAt: '2026-05-23T23:30:00.000Z', seed: 'bytes', snapshot: lab.snapshot(), lines: [] })
    const bytes = new TextEncoder().encode(text)
    const r = parseImportedLab(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    expect(r.ok ? 'ok' : r.reason).toBe('ok')
    if (!r.ok) return
    const again = await createLab({ state: r.lab.snapshot })
    expect((await again.run(CHECK)).stdout).toBe(EXPECTED)
  })

  it('a share link keeps a command holding a byte that is not UTF-8', async () => {
    const log = [BIN, "printf %s '\udcff' | od -An -tx1"]
    const r = await decodeShare(await encodeShare({ v: SHARE_VERSION, now: 0, log }))
    expect(r.ok && r.value.log).toEqual(log)
    const lab = await createLab({ seed: 'bytes' })
    for (const line of log.slice(0, 1)) await lab.run(line)
    expect((await lab.run(log[1])).stdout).toBe(' ff\n')
  })
})
