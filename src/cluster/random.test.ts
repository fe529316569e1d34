// The lab's generator against an independent reference: cyrb128 and sfc32 written in Python, and
// Python's uuid module formatting the same 16 bytes as a version-4 UUID (as google/uuid does).
import { describe, expect, it } from 'vitest'
import { Random } from './random'

describe('Random', () => {
  it('seed "1": the first words of sfc32 seeded by cyrb128 (python3 reference)', () => {
    const r = Random.fromSeed('1')
    expect(Array.from({ length: 5 }, () => r.nextUint32())).toEqual([462282929, 782768653, 377472242, 3737309544, 4093506902])
  })

  it('uuid(): 16 bytes as Python\'s uuid.UUID(bytes=..., version=4) prints them', () => {
    const r = Random.fromSeed('token-lab')
    expect([r.uuid(), r.uuid()]).toEqual(['29663a57-440c-4d4a-97c3-44553794ef68', '53dc5ee1-4aeb-478b-a272-21a46ab7a3f8'])
  })

  it('state() is a copy: drawing on changes neither a state taken before nor a generator made from it', () => {
    const r = Random.fromSeed('x')
    const s = r.state()
    const copy = [...s]
    const twin = new Random(s)
    const first = r.nextUint32()
    expect(s).toEqual(copy)
    expect(twin.nextUint32()).toBe(first)
    expect(new Random(s).nextUint32()).toBe(first)
  })
})
