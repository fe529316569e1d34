import { describe, expect, it } from 'vitest'
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

  it('the script runs: it spawns a module worker named lab, which starts a key unless the URL has a seed; a failure to spawn leaves the page running', () => {
    const body = /<script>([\s\S]*?)<\/script>/.exec(earlyWorkerScript('assets/worker-x.js'))![1]!
    const run = (search: string, fail = false) => {
      const made: unknown[] = []
      const sent: unknown[] = []
      const win: Record<string, unknown> = {}
      function Worker(this: { postMessage(m: unknown): void }, url: string, opts: unknown) {
        if (fail) throw new Error('blocked')
        made.push([url, opts])
        this.postMessage = (m) => sent.push(m)
      }
      new Function('window', 'Worker', 'location', body)(win, Worker, { search })
      return { made, sent, worker: win.__tokenlabWorker }
    }
    const fresh = run('')
    expect(fresh.made).toEqual([['./assets/worker-x.js', { type: 'module', name: 'lab' }]])
    expect(fresh.worker).toBeDefined()
    expect(fresh.sent).toEqual([{ kind: 'prefetchKey' }])
    expect(run('?lesson=article&now=2026-05-23T23:25:00Z').sent).toEqual([{ kind: 'prefetchKey' }])
    expect(run('?seed=1').sent).toEqual([])
    expect(run('?lesson=a&seed=x').sent).toEqual([])
    expect(() => run('', true)).not.toThrow()
    expect(run('', true).worker).toBeUndefined()
  })
})
