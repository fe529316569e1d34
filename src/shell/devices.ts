// The character devices a script reads: /dev/zero (NUL bytes) and /dev/urandom and /dev/random
// (random bytes); with /dev/null, what ls -l and test -c show of them.
// On a real machine they never end; here a read gives the first DEVICE_READ bytes, one past the
// lab's output limit (limits.ts): enough for whatever takes a few bytes (`head -c 16 /dev/urandom`,
// `tr -dc a-z < /dev/urandom | head -c 8`), and past the limit for whatever copies it all, which
// then stops with the limit's message (`cat /dev/zero`), as the budgets stop `yes`.
// /dev/urandom is a xorshift generator from a fixed seed, moved on by every read: the same
// commands give the same bytes (deterministic mode), never the same bytes twice in one session.

import { stringOfBytes } from '../common/bytes'

export const DEVICES = ['/dev/zero', '/dev/urandom', '/dev/random'] as const

/** The character devices of the workstation and their numbers (major, minor) as Linux gives them (ls -l, test -c). */
export const CHAR_DEVICES: Record<string, [number, number]> = {
  '/dev/null': [1, 3], '/dev/zero': [1, 5], '/dev/random': [1, 8], '/dev/urandom': [1, 9],
}

/** The numbers of a character device at an absolute path, if it is one. */
export function charDevice(path: string): [number, number] | undefined {
  return Object.hasOwn(CHAR_DEVICES, path) ? CHAR_DEVICES[path] : undefined
}

export class Devices {
  private state = 0x2545f491

  constructor(private readonly size: number) {}

  read(path: string): string | undefined {
    if (path === '/dev/zero') return '\0'.repeat(this.size)
    // /dev/random reads as /dev/urandom does (since Linux 5.6 neither blocks once the pool is ready)
    if (path !== '/dev/urandom' && path !== '/dev/random') return undefined
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
