// The lab runs in a Web Worker: a command that holds the lab's thread does not hold the page.
// Frames keep coming, the command line takes keys, and Ctrl+C ends the command: when the lab
// cannot stop it, the page restarts the lab from its state before the command and says so.
import { expect, test } from '@playwright/test'
import { frameBar, stopFrames, watchFrames } from './support/frames'
import { commandLine, openLab, PS1, shownLines, typeCommand, waitIdle } from './support/terminal'
import { holdEditorPreload } from './support/editor'

declare global {
  interface Window {
    __labTest?: { holdNextRun(ms: number): void }
  }
}

test.beforeEach(async ({ context }) => {
  await holdEditorPreload(context)
})

const RESTARTED = /^The command did not stop within 1 s of Ctrl\+C; the lab was restarted from its state before it\.$/

test('a command that holds the lab: frames keep coming, typing works, Ctrl+C restarts the lab from before it', { tag: '@timing' }, async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl create namespace kept')
  const bar = await frameBar(page)
  await page.evaluate(() => window.__labTest!.holdNextRun(6_000))
  await watchFrames(page)

  const input = commandLine(page)
  await input.fill('kubectl create namespace lost')
  await input.press('Enter')
  await expect(page.locator('.t-inputline')).toHaveAttribute('data-busy', 'true')
  // The page answers while the lab's thread is held: keys reach the command line.
  await input.pressSequentially('echo typed meanwhile', { delay: 20 })
  await expect(input).toHaveValue('echo typed meanwhile')
  const scrolled = await page.getByRole('log', { name: 'Terminal output' }).evaluate((el) => {
    el.scrollTop = 0
    return el.scrollTop === 0
  })
  expect(scrolled).toBe(true)

  const pressed = Date.now()
  await input.press('Control+c')
  await waitIdle(page)
  expect(Date.now() - pressed).toBeLessThan(4_000) // 1 s of grace, then a fresh worker from the snapshot
  const gaps = await stopFrames(page)
  expect(gaps.length).toBeGreaterThan(10)
  expect(Math.max(...gaps)).toBeLessThan(bar)

  const lines = (await shownLines(page)).map((l) => l.text)
  const echo = lines.lastIndexOf(`${PS1}kubectl create namespace lost`)
  expect(echo).toBeGreaterThanOrEqual(0)
  expect(lines[echo + 1]).toMatch(RESTARTED)

  // The restarted lab is the lab before that command, and it answers.
  const got = await typeCommand(page, 'kubectl get ns kept lost')
  expect(got.map((l) => l.text)).toEqual([
    expect.stringMatching(/^NAME\s+STATUS\s+AGE$/),
    expect.stringMatching(/^kept\s+Active\s+\d+s$/),
    'Error from server (NotFound): namespaces "lost" not found',
  ])
  expect(await page.evaluate(() => window.lab!.run('echo still here').then((r) => r.stdout))).toBe('still here\n')
})

test('a seedless lab signs with the key the page began to generate as it spawned the lab worker', async ({ page }) => {
  // Record the public key of every key pair the page generates (the built page's <head> makes one).
  await page.addInitScript(() => {
    const subtle = crypto.subtle
    const generate = subtle.generateKey.bind(subtle) as (...a: unknown[]) => Promise<CryptoKeyPair>
    const made: Promise<string | undefined>[] = []
    ;(window as unknown as { __pageKeys: typeof made }).__pageKeys = made
    subtle.generateKey = ((...a: unknown[]) => {
      const pair = generate(...a)
      made.push(pair.then((k) => subtle.exportKey('jwk', k.publicKey)).then((j) => j.n))
      return pair
    }) as typeof subtle.generateKey
  })
  await openLab(page, '/')
  const lines = await typeCommand(page, 'kubectl get --raw /openid/v1/jwks')
  const jwks = JSON.parse(lines.map((l) => l.text).filter((t) => !t.startsWith(PS1)).join('')) as { keys: { n: string }[] }
  const pageKeys = await page.evaluate(() => Promise.all((window as unknown as { __pageKeys: Promise<string>[] }).__pageKeys))
  expect(pageKeys).toHaveLength(1)
  expect(jwks.keys.map((k) => k.n)).toEqual(pageKeys)
})
