/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicy, FRAME_ANCESTORS } from './scripts/vite/csp.ts'
import { serviceWorkerManifest } from './scripts/vite/offline.ts'
import { earlyLabWorker } from './scripts/vite/earlyWorker.ts'

const TESTS = ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'scripts/**/*.test.ts']
/** The test files that use vi.mock: they run isolated (scripts/vitestIsolation.test.ts keeps this list complete). */
export const MOCKING = ['src/cluster/cluster.test.ts', 'src/cluster/controllers/namespace/namespaceController.test.ts']

export default defineConfig({
  // Relative URLs everywhere: the build runs from any folder of any static host.
  base: './',
  // earlyLabWorker before contentSecurityPolicy: the policy hashes the inline script it adds.
  plugins: [react(), earlyLabWorker(), contentSecurityPolicy(), serviceWorkerManifest()],
  // The lab's worker is a module worker (workerClient.ts): as ES modules its rarely used parts
  // (the OpenAPI schemas of `kubectl explain`, jq, re2js) stay chunks of their own, loaded when
  // first used, instead of being inlined into the script every start-up compiles.
  worker: { format: 'es' },
  build: {
    chunkSizeWarningLimit: 8000,
    // Every browser the lab supports knows <link rel="modulepreload">: no polyfill in the first screen's script.
    modulePreload: { polyfill: false },
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  // The dev server's page runs Vite's client (inline scripts, a websocket): only the parts of the
  // policy that do not get in its way. The build and `vite preview` carry the whole policy.
  server: { headers: { 'Content-Security-Policy': `object-src 'none'; base-uri 'self'; ${FRAME_ANCESTORS}` } },
  // `vite preview` would repeat server.headers; its policy header comes from the built page
  // (scripts/vite/csp.ts).
  preview: { headers: { 'X-Content-Type-Options': 'nosniff' } },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // set-up hooks too (vitest's default is 10 s): npm test may start the unit suite at nice 19
    // beside the @timing browser tests (scripts/testAll.mjs), where a hook can wait for a core
    hookTimeout: 60_000,
    // Threads, and one module graph per worker for the files that allow it: most of the unit
    // suite's time was importing the same modules again for each of its ~140 files. A file that
    // replaces a module with vi.mock needs a graph of its own (a mock would leak into, or miss,
    // modules another file already imported), so those run isolated.
    pool: 'threads',
    projects: [
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      { extends: true, test: { name: 'shared', include: TESTS, exclude: MOCKING, isolate: false } },
    ],
  },
})
