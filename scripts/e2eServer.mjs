// The browser suite's web server (playwright.config.ts): a production build, then `vite preview`.
// Outside CI the build is skipped when dist/ was built after the last change to anything it is
// built from (src, public, index.html, the Vite config and its plugins, the lock file): a build
// takes half a minute to a minute on a busy 2-core machine. CI (CI set) or E2E_BUILD=1 always builds;
// E2E_BUILD=0 never does (npm test's second browser run: the first one built dist/ moments before).
// Usage: node scripts/e2eServer.mjs PORT
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const port = process.argv[2] ?? '4173'
const VITE = 'node_modules/vite/bin/vite.js'
const STAMP = 'dist/.e2e-built'
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'scripts/vite', 'package-lock.json', 'tsconfig.app.json']

/** The newest modification time (ms) under `path` (a file or a folder, recursively); 0 if absent. */
function newest(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs // a deleted file shows as its folder's change
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)))
  return max
}

const always = !!process.env.CI || process.env.E2E_BUILD === '1'
const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0
const stale = process.env.E2E_BUILD === '0' ? built === 0 : always || built === 0 || INPUTS.some((p) => newest(p) >= built)
if (stale) {
  const started = Date.now()
  const b = spawnSync(process.execPath, [VITE, 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (b.status !== 0) process.exit(b.status ?? 1)
  writeFileSync(STAMP, `built for the browser suite in ${Date.now() - started} ms\n`)
  console.error(`e2eServer: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`)
} else {
  console.error('e2eServer: dist/ is newer than its sources: not built again (E2E_BUILD=1 forces a build)')
}
const preview = spawn(process.execPath, [VITE, 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], { stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => preview.kill(sig))
preview.on('exit', (code) => process.exit(code ?? 0))
