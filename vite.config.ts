/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicy, FRAME_ANCESTORS } from './scripts/vite/csp.ts'
import { serviceWorkerManifest } from './scripts/vite/offline.ts'

export default defineConfig({
  // Relative URLs everywhere: the build runs from any folder of any static host.
  base: './',
  plugins: [react(), contentSecurityPolicy(), serviceWorkerManifest()],
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
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
