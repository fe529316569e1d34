import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// Debian's Chromium: `npx playwright install` cannot download a browser on our machines. Its
// headless shell (package chromium-headless-shell, the same engine without the browser around it,
// what Playwright itself runs headless) takes 40 % less CPU per test than the full browser; the
// full one (package chromium) serves where the shell is not installed. CHROMIUM_PATH chooses.
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell'
const candidate = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium')
const systemChromium = candidate !== 'bundled' && existsSync(candidate) ? candidate : undefined
const PORT = Number(process.env.E2E_PORT ?? 4173)

export default defineConfig({
  testDir: './e2e',
  // Every test opens its own browser context (own storage, own in-page lab), so tests run in
  // parallel; E2E_WORKERS overrides the count.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // Two retries: on this 2-core machine with other work beside it (load 30 to 40) the 200 % screenshot
  // still differs by 2 px now and then, and the editor's open time (under 1 s) is not met; the
  // timeline-keys race is fixed, why.spec and hostile passed. A retried pass counts as flaky.
  retries: 2,
  // The 4,000-command session (e2e/longSession.spec.ts, tagged @slow) takes minutes: it runs with
  // E2E_SLOW=1 (npm run test:slow), not in the two-minute suite. Tests tagged @timing measure the
  // page's frames and response times: `npm test` runs them first with one worker and nothing beside
  // them (E2E_PART=timing), then the rest beside the unit suite (E2E_PART=rest); a plain
  // `npx playwright test` runs both.
  ...(process.env.E2E_SLOW === '1'
    ? { grep: /@slow/ }
    : process.env.E2E_PART === 'timing'
      ? { grep: /@timing/, grepInvert: /@slow/ }
      : { grepInvert: process.env.E2E_PART === 'rest' ? /@slow|@timing/ : /@slow/ }),
  // Room for a shared 2-core machine running the unit suite beside the browser suite (a test that
  // passes in 15 s alone took over a minute there); a test that needs more sets its own.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // npm test's two browser runs keep their artifacts apart (each run empties its folder first).
  outputDir: process.env.E2E_PART ? `test-results/${process.env.E2E_PART}` : 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    trace: 'off',
    // The service worker caches the whole build (the editor's megabytes included, compiled again
    // for the cache) in every fresh context: a second or more of CPU per test. Only the offline
    // spec needs it (it sets 'allow').
    serviceWorkers: 'block',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--disable-gpu', '--disable-quic'],
    },
  },
  webServer: {
    // A production build (skipped outside CI when dist/ is newer than its sources), then vite preview.
    command: `node scripts/e2eServer.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
