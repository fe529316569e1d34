// The character devices a script reads: /dev/zero (NUL bytes) and /dev/urandom (random bytes).
// On a real machine they never end; here a read gives the first DEVICE_READ bytes, one past the
// lab's output limit (limits.ts): enough for whatever takes a few bytes (`head -c 16 /dev/urandom`,
// `tr -dc a-z < /dev/urandom | head -c 8`), and past the limit for whatever copies it all, which
// then stops with the limit's message (`cat /dev/zero`), as the budgets stop `yes`.
// /dev/urandom is a xorshift generator from a fixed seed, moved on by every read: the same
// commands give the same bytes (deterministic mode), never the same bytes twice in one session.

import { stringOfBytes } from '../common/bytes'

export const DEVICES = ['/dev/zero', '/dev/urandom'] as const

export class Devices {
  private state = 0x2545f491

  constructor(private readonly size: number) {}

  read(path: string): string | undefined {
    if (path === '/dev/zero') return '\0'.repeat(this.size)
    if (path !== '/dev/urandom') return undefined
    const bytes = new Uint8Array(this.size)
    let x = this.state
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      bytes[i] = x & 0xff
    }
    this.state = x
    return stringOfBytes(bytes)
  }
}
