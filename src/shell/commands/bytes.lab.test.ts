// Bytes through kubectl: a Secret made from a binary file holds the file's bytes (base64 of them,
// as kubectl encodes them), and reading it back through base64 -d gives the same bytes. Node's
// Buffer and crypto are the oracle.

import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createLab } from '../../app/lab'

const BYTES = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0xa9, 0x0a])

describe('binary data in Secrets', () => {
  it('kubectl create secret --from-file and --from-literal keep the bytes', async () => {
    const lab = await createLab({ seed: 'bytes' })
    const run = async (line: string) => {
      const r = await lab.run(line)
      expect(r.stderr, line).toBe('')
      return r.stdout
    }
    await run("printf '\\xff\\xfe\\x00\\x80\\xc3\\xa9\\n' > key.bin")
    await run('kubectl create secret generic bin --from-file=key.bin --from-literal=one=$(printf "\\xff")')
    expect(await run("kubectl get secret bin -o jsonpath='{.data.key\\.bin}'")).toBe(BYTES.toString('base64'))
    expect(await run("kubectl get secret bin -o jsonpath='{.data.one}'")).toBe(Buffer.from([0xff]).toString('base64'))
    const sum = createHash('sha256').update(BYTES).digest('hex')
    expect(await run("kubectl get secret bin -o jsonpath='{.data.key\\.bin}' | base64 -d | sha256sum")).toBe(`${sum}  -\n`)
    expect(await run('sha256sum key.bin; md5sum key.bin')).toBe(`${sum}  key.bin\n${createHash('md5').update(BYTES).digest('hex')}  key.bin\n`)
  })
})
