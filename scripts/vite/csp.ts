// The page's Content-Security-Policy, written into the built index.html as a <meta> tag (so any
// static host serves it) and sent as a header by `vite preview` (which can also say who may
// frame the page: `frame-ancestors` is ignored in a <meta> tag). Inline scripts are allowed by
// their SHA-256 hash only, computed here from the HTML as built.

import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

/**
 * The policy, with the hashes of the page's inline scripts. No 'unsafe-eval' anywhere; workers,
 * fetches, fonts and the manifest only from the page's own origin.
 *
 * Styles need 'unsafe-inline': Monaco writes its theme and per-editor rules into <style>
 * elements it creates while running (no nonce hook), and its line renderer emits style
 * attributes (right-to-left and full-width text). React's `style` props go through the CSSOM,
 * which a policy does not restrict. A hash next to 'unsafe-inline' would switch it off, so the
 * style directive carries none.
 */
export function policy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}

/** Who may put the page in a frame (header only). */
export const FRAME_ANCESTORS = "frame-ancestors 'self'"

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi

/** `sha256-…` of every inline (src-less) script of the page, in document order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(m[1])) continue
    hashes.push(`sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}`)
  }
  return hashes
}

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/

/** The built page with its policy: right after <meta charset>, before anything it governs. */
export function withPolicyMeta(html: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineScriptHashes(html))}" />`
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html)
  if (charset) return html.slice(0, charset.index + charset[0].length) + `\n    ${tag}` + html.slice(charset.index + charset[0].length)
  return html.replace(/<head>/i, `<head>\n    ${tag}`)
}

/** The policy a built page carries, if any. */
export function policyOf(html: string): string | undefined {
  return META.exec(html)?.[1]
}

export function contentSecurityPolicy(): Plugin {
  let outDir = 'dist'
  return {
    name: 'tokenlab-csp',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The dev server's page carries Vite's own client scripts: it gets no policy.
        return ctx.server ? html : withPolicyMeta(html)
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        const index = resolve(outDir, 'index.html')
        const p = existsSync(index) ? policyOf(readFileSync(index, 'utf8')) : undefined
        if (p) res.setHeader('Content-Security-Policy', `${p}; ${FRAME_ANCESTORS}`)
        next()
      })
    },
  }
}
