// Offline after the first visit: writes into the built sw.js (public/sw.js) the list of every
// file of the build (the page, its scripts and styles, the editor's chunks, workers and font)
// and a version derived from their contents, so the service worker caches exactly this build
// and a new build replaces it.

import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import type { Plugin } from 'vite'

export const SW_FILE = 'sw.js'
const PLACEHOLDER = /const BUILD = \{[^\n]*\}/

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) yield* walk(p)
    else yield p
  }
}

/** The files to cache, as URLs relative to the service worker (and so to the page). */
export function buildFiles(outDir: string): string[] {
  return [...walk(outDir)]
    .map((p) => relative(outDir, p).split(sep).join('/'))
    .filter((f) => f !== SW_FILE && !f.endsWith('.map'))
    .sort()
    .map((f) => `./${f}`)
}

export function serviceWorkerManifest(): Plugin {
  let outDir = 'dist'
  return {
    name: 'tokenlab-offline',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      const sw = join(outDir, SW_FILE)
      if (!existsSync(sw)) return
      const files = buildFiles(outDir)
      const hash = createHash('sha256')
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)))
      const build = { version: hash.digest('hex').slice(0, 16), files }
      const src = readFileSync(sw, 'utf8')
      if (!PLACEHOLDER.test(src)) throw new Error(`${SW_FILE}: no "const BUILD = {…}" line to fill in`)
      writeFileSync(sw, src.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify(build)}`))
    },
  }
}
