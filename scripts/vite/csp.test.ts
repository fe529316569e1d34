import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inlineScriptHashes, policy, policyOf, withPolicyMeta } from './csp'
import { buildFiles } from './offline'

const PAGE = `<!doctype html>
<html><head>
    <meta charset="UTF-8" />
    <style>body{margin:0}</style>
    <script type="module" crossorigin src="./assets/index-x.js"></script>
  </head><body>
    <script>
      window.early = []
    </script>
  </body></html>`

describe('the page policy', () => {
  it('hashes inline scripts as the browser does (SHA-256 of the text between the tags, base64)', () => {
    // The empty script's hash is the well-known SHA-256 of the empty string.
    expect(inlineScriptHashes('<script></script>')).toEqual(['sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='])
    const body = '\n      window.early = []\n    '
    expect(inlineScriptHashes(PAGE)).toEqual([`sha256-${createHash('sha256').update(body).digest('base64')}`])
  })

  it('skips scripts loaded by URL', () => {
    expect(inlineScriptHashes('<script type="module" src="./a.js"></script>')).toEqual([])
  })

  it('goes right after <meta charset>, before the style and scripts it governs', () => {
    const html = withPolicyMeta(PAGE)
    const at = html.indexOf('http-equiv="Content-Security-Policy"')
    expect(at).toBeGreaterThan(html.indexOf('<meta charset'))
    expect(at).toBeLessThan(html.indexOf('<style>'))
    expect(policyOf(html)).toBe(policy(inlineScriptHashes(PAGE)))
    expect(policyOf(html)).toMatch(/script-src 'self' 'sha256-[^']+'; /)
    expect(policyOf(html)).not.toContain('unsafe-eval')
  })
})

describe('the offline file list', () => {
  it('lists every built file relative to the service worker, except itself and source maps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenlab-dist-'))
    mkdirSync(join(dir, 'assets'))
    for (const f of ['index.html', 'sw.js', 'favicon.svg', 'assets/a.js', 'assets/a.js.map', 'assets/editor.worker-1.js']) writeFileSync(join(dir, f), 'x')
    expect(buildFiles(dir)).toEqual(['./assets/a.js', './assets/editor.worker-1.js', './favicon.svg', './index.html'])
  })
})
