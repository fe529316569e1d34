// What the first screen downloads before it can run: index.html's entry script, the modules it
// imports statically (followed through the code itself, not only the modulepreload hints) and its
// stylesheets, each gzipped at level 9. Fetched from the server under test, so the figure is the
// build being tested, never a stale dist/.

import { gzipSync } from 'node:zlib'

export interface InitialFile {
  url: string
  raw: number
  gz: number
}

type Fetch = (url: string) => Promise<string>

/** `import{a as b}from"./x.js"` and `import"./x.js"` (not `import("./x.js")`, which loads later). */
const STATIC_IMPORT = /\bimport\s*(?:[\w${},*\s]+?\s*from\s*)?["']([^"']+)["']/g
const ENTRY = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g
const LINKS = /<link\b[^>]*\brel="(stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g

export async function initialFiles(pageUrl: string, fetchText: Fetch): Promise<InitialFile[]> {
  const html = await fetchText(pageUrl)
  const queue: string[] = []
  for (const m of html.matchAll(ENTRY)) queue.push(new URL(m[1], pageUrl).href)
  for (const m of html.matchAll(LINKS)) queue.push(new URL(m[2], pageUrl).href)
  const seen = new Map<string, InitialFile>()
  while (queue.length) {
    const url = queue.shift()!
    if (seen.has(url)) continue
    const text = await fetchText(url)
    const buf = Buffer.from(text)
    seen.set(url, { url, raw: buf.length, gz: gzipSync(buf, { level: 9 }).length })
    if (!url.endsWith('.js')) continue
    for (const m of text.matchAll(STATIC_IMPORT)) if (m[1].startsWith('.')) queue.push(new URL(m[1], url).href)
  }
  return [...seen.values()]
}
