import { describe, expect, it, vi } from 'vitest'
import { generateSigningKey } from '../../src/cluster/serviceaccount/keyPrefetch'
import { inlineScriptHashes, withPolicyMeta } from './csp'
import { earlyWorkerScript, withEarlyWorker } from './earlyWorker'

const PAGE = `<!doctype html>
<html><head>
    <meta charset="UTF-8" />
    <title>t</title>
  </head><body>
    <script type="module" crossorigin src="./assets/index-x.js"></script>
  </body></html>`

const BUILD = ['assets/index-x.js', 'assets/editor.worker-a1.js', 'assets/json.worker-b2.js', 'assets/worker-C0_d-9.js', 'assets/labServer-z.js', 'sw.js']

describe('the page spawns the lab worker from its <head>', () => {
  it('adds one inline script for the lab worker (not Monaco’s), with a page-relative URL, before </head>', () => {
    const html = withEarlyWorker(PAGE, BUILD)
    const head = html.slice(0, html.indexOf('</head>'))
    expect(head).toContain(`<script>try{var w=window.__tokenlabWorker=new Worker("./assets/worker-C0_d-9.js",{type:'module',name:'lab'});`)
    expect(html.match(/new Worker/g)).toHaveLength(1)
    expect(html.replace(earlyWorkerScript('assets/worker-C0_d-9.js'), '').replace(/\n\s*\n/g, '\n')).toBe(PAGE.replace(/\n\s*\n/g, '\n'))
  })

  it('leaves the page alone when the build has no lab worker', () => {
    expect(withEarlyWorker(PAGE, ['assets/index-x.js', 'assets/editor.worker-a1.js'])).toBe(PAGE)
  })

  it('the script is allowed by the policy computed after it (by its hash)', () => {
    const html = withPolicyMeta(withEarlyWorker(PAGE, BUILD))
    const [hash] = inlineScriptHashes(html)
    expect(hash).toMatch(/^sha256-[\w+/]+=*$/)
    expect(html).toContain(`'${hash}'`)
  })

  it('the script runs: it spawns a module worker named lab and, unless the URL has a seed, generates the key and sends it; a failure to spawn leaves the page running', async () => {
    const body = /<script>([\s\S]*?)<\/script>/.exec(earlyWorkerScript('assets/worker-x.js'))![1]!
    const asked: unknown[][] = []
    const run = (search: string, { fail = false, key = Promise.resolve<unknown>('the pair'), subtle = true } = {}) => {
      const made: unknown[] = []
      const sent: unknown[] = []
      const win: Record<string, unknown> = {}
      function Worker(this: { postMessage(m: unknown): void }, url: string, opts: unknown) {
        if (fail) throw new Error('blocked')
        made.push([url, opts])
        this.postMessage = (m) => sent.push(m)
      }
      const crypto = subtle ? { subtle: { generateKey: (...a: unknown[]) => (asked.push(a), key) } } : {}
      new Function('window', 'Worker', 'location', 'crypto', body)(win, Worker, { search }, crypto)
      return { made, sent, worker: win.__tokenlabWorker }
    }
    const fresh = run('')
    expect(fresh.made).toEqual([['./assets/worker-x.js', { type: 'module', name: 'lab' }]])
    expect(fresh.worker).toBeDefined()
    // told at once that a key is coming, then given it
    expect(fresh.sent).toEqual([{ kind: 'prefetchKey', fromPage: true }])
    await Promise.resolve()
    expect(fresh.sent).toEqual([{ kind: 'prefetchKey', fromPage: true }, { kind: 'signingKey', key: 'the pair' }])
    // the same key as the worker would generate (keyPrefetch.ts)
    const generate = vi.spyOn(globalThis.crypto.subtle, 'generateKey').mockResolvedValue(undefined as never)
    await generateSigningKey()
    expect(asked[0]).toEqual(generate.mock.calls[0])
    generate.mockRestore()
    const lessonNow = run('?lesson=article&now=2026-05-23T23:25:00Z')
    await Promise.resolve()
    expect(lessonNow.sent).toEqual([{ kind: 'prefetchKey', fromPage: true }, { kind: 'signingKey', key: 'the pair' }])
    // a failed generation says so: the worker makes its own
    const failed = run('', { key: Promise.reject(new Error('no')) })
    await new Promise((r) => setTimeout(r, 0))
    expect(failed.sent).toEqual([{ kind: 'prefetchKey', fromPage: true }, { kind: 'signingKey' }])
    // no WebCrypto here: nothing is promised, the worker makes the key when it builds the lab
    expect(run('', { subtle: false }).sent).toEqual([])
    expect(run('', { subtle: false }).worker).toBeDefined()
    asked.length = 0
    expect(run('?seed=1').sent).toEqual([])
    expect(run('?lesson=a&seed=x').sent).toEqual([])
    expect(asked).toEqual([])
    expect(() => run('', { fail: true })).not.toThrow()
    expect(run('', { fail: true }).worker).toBeUndefined()
  })
})
