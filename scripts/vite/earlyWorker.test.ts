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
    expect(head).toContain(`<script>try{window.__tokenlabWorker=new Worker("./assets/worker-C0_d-9.js",{type:'module',name:'lab'})}catch(e){}</script>`)
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

  it('the script runs: it spawns a module worker named lab, and a failure to spawn leaves the page running', () => {
    const body = /<script>([\s\S]*?)<\/script>/.exec(earlyWorkerScript('assets/worker-x.js'))![1]!
    const made: unknown[] = []
    const win: Record<string, unknown> = {}
    new Function('window', 'Worker', body)(win, function Worker(this: unknown, url: string, opts: unknown) {
      made.push([url, opts])
    })
    expect(made).toEqual([['./assets/worker-x.js', { type: 'module', name: 'lab' }]])
    expect(win.__tokenlabWorker).toBeDefined()
    const none: Record<string, unknown> = {}
    expect(() =>
      new Function('window', 'Worker', body)(none, function Worker() {
        throw new Error('blocked')
      }),
    ).not.toThrow()
    expect(none.__tokenlabWorker).toBeUndefined()
  })
})
