// Records what a Content-Security-Policy blocks in a page (the page's `securitypolicyviolation`
// events and the browser's "Refused to …" console errors) and every request, to check that
// nothing is blocked and nothing leaves 127.0.0.1.
import type { BrowserContext, Page } from '@playwright/test'

declare global {
  interface Window {
    __cspViolations?: string[]
  }
}

export interface Watch {
  /** Every violation seen so far: the page's events and the console's CSP errors. */
  violations(): Promise<string[]>
  /** Every URL requested so far by the context's pages, workers and service workers. */
  requests: string[]
}

export async function watchPolicy(context: BrowserContext): Promise<Watch> {
  await context.addInitScript(() => {
    const seen: string[] = (window.__cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  const consoleErrors: string[] = []
  const pages: Page[] = []
  const watchPage = (p: Page) => {
    pages.push(p)
    p.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) consoleErrors.push(`console: ${m.text()}`)
    })
  }
  context.pages().forEach(watchPage)
  context.on('page', watchPage)
  const requests: string[] = []
  context.on('request', (r) => requests.push(r.url()))
  return {
    requests,
    async violations() {
      const events: string[] = []
      for (const p of pages) {
        if (p.isClosed()) continue
        events.push(...(await p.evaluate(() => window.__cspViolations ?? [])))
      }
      return [...events, ...consoleErrors]
    },
  }
}

/** The requests that went anywhere but 127.0.0.1 (data: and blob: URLs stay in the page). */
export function offHost(requests: readonly string[]): string[] {
  return requests.filter((u) => {
    const url = new URL(u)
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false
    return url.hostname !== '127.0.0.1'
  })
}
