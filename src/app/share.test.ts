import { describe, expect, it } from 'vitest'
import { encodeBase64url } from '../common/base64'
import { checkSession, decodeShare, encodeShare, MAX_SHARE_BYTES, MAX_SHARE_CHARS, sharePayload, shareUrl, type SharedSession } from './share'

const session: SharedSession = {
  v: 1,
  seed: '1',
  now: Date.UTC(2026, 4, 23, 23, 27, 30),
  lesson: 'article',
  step: 3,
  log: ['lab lesson article', 'kubectl create namespace sa-demo', 'echo "ünïcödé $HOME" | base64'],
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw')))
  return new Uint8Array(await out.arrayBuffer())
}
const packed = async (v: unknown) => encodeBase64url(await deflate(new TextEncoder().encode(JSON.stringify(v))))

describe('share links', () => {
  it('round-trip a session through the fragment', async () => {
    const payload = await encodeShare(session)
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/)
    const url = shareUrl('https://example.edu/lab/?seed=1&lesson=x#old', payload)
    expect(url).toBe(`https://example.edu/lab/#share=${payload}`)
    expect(await decodeShare(sharePayload(new URL(url).hash)!)).toEqual({ ok: true, value: session })
  })

  it('compress: a long repetitive log makes a short link', async () => {
    const log = Array.from({ length: 200 }, () => 'kubectl -n sa-demo get pods -o wide')
    const payload = await encodeShare({ ...session, log })
    expect(payload.length).toBeLessThan(JSON.stringify(log).length / 10)
  })

  it('only #share= fragments are share links', () => {
    expect(sharePayload('#share=abc')).toBe('abc')
    expect(sharePayload('#other')).toBeUndefined()
    expect(sharePayload('')).toBeUndefined()
  })

  it('say what is wrong with malformed links', async () => {
    const reason = async (text: string) => {
      const r = await decodeShare(text)
      return r.ok ? 'ok' : r.reason
    }
    expect(await reason('!!!')).toBe('it is not base64url text')
    expect(await reason('')).toBe('it is not base64url text')
    expect(await reason(encodeBase64url(new TextEncoder().encode('plain text, not deflated')))).toBe('it is not compressed data the lab wrote')
    expect(await reason(encodeBase64url(await deflate(new TextEncoder().encode('{not json'))))).toBe('it is not JSON')
    expect(await reason(await packed([1, 2]))).toBe('it holds no session')
    expect(await reason(await packed({ ...session, v: 2 }))).toBe('it was made by a newer version of the lab (share version 2; this page reads version 1)')
    expect(await reason(await packed({ ...session, seed: '<script>' }))).toBe('its seed is invalid')
    expect(await reason(await packed({ ...session, now: 'soon' }))).toBe('its start time is invalid')
    expect(await reason(await packed({ ...session, step: 0 }))).toBe('its step is invalid')
    expect(await reason(await packed({ ...session, lesson: 'A B' }))).toBe('its lesson id is invalid')
    expect(await reason(await packed({ ...session, log: 'ls' }))).toBe('it has no command log')
    expect(await reason(await packed({ ...session, log: ['ls', 7] }))).toMatch(/^its command log holds something that is not a command/)
    expect(await reason('A'.repeat(MAX_SHARE_CHARS + 1))).toBe(`it is too long (${MAX_SHARE_CHARS + 1} characters, at most ${MAX_SHARE_CHARS})`)
  })

  it('refuse a small link that unpacks to something huge', async () => {
    const bomb = await packed({ ...session, log: ['x'.repeat(MAX_SHARE_BYTES + 10)] })
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS)
    expect(await decodeShare(bomb)).toEqual({ ok: false, reason: `it unpacks to more than ${MAX_SHARE_BYTES} bytes` })
  })

  it('checkSession keeps only the known fields', () => {
    const r = checkSession({ ...session, extra: 'x' })
    expect(r).toEqual({ ok: true, value: session })
    expect(checkSession({ v: 1, now: 0, log: [] })).toEqual({ ok: true, value: { v: 1, now: 0, log: [] } })
  })

  it('a session too long for a link is refused with advice', async () => {
    // Random text does not compress: 1900 commands of 100 hex digits are about 95 kB packed.
    const hex = () => [...crypto.getRandomValues(new Uint8Array(50))].map((b) => b.toString(16).padStart(2, '0')).join('')
    const log = Array.from({ length: 1900 }, () => `echo ${hex()}`)
    await expect(encodeShare({ ...session, log })).rejects.toThrow(/too long for a link .*use Export instead/)
  })
})
