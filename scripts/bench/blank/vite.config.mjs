// The blank page's own build (scripts/benchTyping.mjs builds it into BENCH_BLANK_OUT).
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: dirname(fileURLToPath(import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: process.env.BENCH_BLANK_OUT ?? 'dist', emptyOutDir: true },
})
