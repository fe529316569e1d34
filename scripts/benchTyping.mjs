// Start-up and typing, measured inside the page, side by side with a blank React page built with
// the same Vite and React (scripts/bench/blank), in alternating rounds (blank, lab, blank, ...):
//
//  * input:   navigation -> the command line takes input (lab: index.html's boot input; blank:
//             its input mounted and focused)
//  * first:   a command typed at once, as soon as the command line takes input: navigation ->
//             its answer in the DOM (lab: `kubectl get ns`'s header line; blank: the echo, the
//             "typing floor": the moment Enter can go down after the same keys)
//  * keys:    while that line is typed during start-up, each key's keydown -> the next frame
//  * warm:    on a started lab (seed 1) in a page that has finished loading (start-up settled, the
//             worker's and the page's warm-ups over: src/app/warmUp.ts and pageWarmUp.ts, the editor
//             preloaded, the offline cache installed), each article command typed: the Enter key ->
//             its output in the DOM (or, without output, the command line idle again)
//  * enter:   the same at once when the lab is ready, before any of that (the code still cold)
//  * settled: the same for light commands (LIGHT) typed in a page that has finished starting,
//             after a first pass over them: the answer's own path, warm
//  * hops:    for both, where the time went: the line sent to the lab's worker, there, its first
//             output (or result) leaving the worker, back in the page; then the DOM
//
// Every time is the page's own clock (performance.now() / event timestamps), read after the fact.

import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const BLANK_OUT = join(tmpdir(), 'tokenlab-bench-blank')

/** Build the blank page with the project's own Vite and React. */
export function buildBlank(root) {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'scripts/bench/blank/vite.config.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BENCH_BLANK_OUT: BLANK_OUT },
  })
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` }
}

/** Recorder installed before any page script: key latencies, the Enter key, the first answer. */
function recorder(answer) {
  const rec = { keys: [], enterAt: undefined, answerAt: undefined }
  window.__typing = rec
  const re = new RegExp(answer)
  addEventListener(
    'keydown',
    (e) => {
      const t = e.timeStamp
      if (e.key === 'Enter' && rec.enterAt === undefined) rec.enterAt = performance.now()
      requestAnimationFrame(() => rec.keys.push(performance.now() - t))
    },
    { capture: true },
  )
  new MutationObserver((records) => {
    if (rec.answerAt !== undefined) return
    for (const r of records)
      for (const n of r.addedNodes) {
        const el = n.nodeType === 1 ? n : n.parentElement
        const line = el?.closest?.('.t-line')
        if (line && re.test(line.textContent ?? '')) {
          rec.answerAt = performance.now()
          return
        }
      }
  }).observe(document, { childList: true, subtree: true, characterData: true })
}

const FOCUSED_INPUT = () => {
  const a = document.activeElement
  return a instanceof HTMLInputElement && a.getAttribute('aria-label') === 'Command line' && !a.disabled
}

async function typeAtOnce(browser, url, { answer, readyMark, line }) {
  const ctx = await browser.newContext()
  try {
    const page = await ctx.newPage()
    await page.addInitScript(recorder, answer)
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(FOCUSED_INPUT, undefined, { polling: 'raf', timeout: 30_000 })
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => window.__typing.answerAt !== undefined, undefined, { polling: 50, timeout: 60_000 })
    return await page.evaluate((mark) => ({ ...window.__typing, input: performance.getEntriesByName(mark)[0]?.startTime }), readyMark)
  } finally {
    await ctx.close()
  }
}

/** The lab's worker (scripts/vite/earlyWorker.ts), not Monaco's. */
const LAB_WORKER = /\/worker-[\w-]+\.js$/

/**
 * Init script: the page's side of a command's round trip to the worker, as absolute times
 * (timeOrigin + now, comparable with the worker's): when the line was sent (`sent`), and when its
 * first output or its result came back (`back`). window.__hops is reset before each command.
 */
function pageHops() {
  window.__hops = {}
  const now = () => performance.timeOrigin + performance.now()
  const post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (m, ...rest) {
    if (m?.kind === 'call' && window.__hops.sent === undefined) window.__hops.sent = now()
    return post.call(this, m, ...rest)
  }
  const on = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')
  Object.defineProperty(Worker.prototype, 'onmessage', {
    get() {
      return on.get.call(this)
    },
    set(handler) {
      on.set.call(this, (e) => {
        const h = window.__hops
        if ((e.data?.kind === 'chunk' || e.data?.kind === 'result') && h.sent !== undefined && h.back === undefined) h.back = now()
        return handler(e)
      })
    },
  })
}

/** In the lab's worker: when the line arrived (`in`) and when its first output or result left (`out`). */
function workerHops() {
  self.__hops = {}
  const now = () => performance.timeOrigin + performance.now()
  const post = self.postMessage.bind(self)
  self.postMessage = (m, ...rest) => {
    if ((m?.kind === 'chunk' || m?.kind === 'result') && self.__hops.in !== undefined && self.__hops.out === undefined) self.__hops.out = now()
    return post(m, ...rest)
  }
  const handler = self.onmessage
  self.onmessage = (e) => {
    if (e.data?.kind === 'call' && self.__hops.in === undefined) self.__hops.in = now()
    return handler(e)
  }
}

/** Light commands for the settled measure: each answers at once, with a line or more. */
const LIGHT = ['echo hi', 'kubectl get ns', 'kubectl get sa -A', 'kubectl -n default get pods', 'ls', 'kubectl get cm -n kube-system']

/**
 * Type each command at the lab's prompt: the Enter key -> its output in the DOM (a line, or text
 * before the prompt's place), or the prompt idle. `settled`: first wait until the page has
 * finished loading (start-up settled, the worker warmed up, the editor preloaded at the first
 * pause of the keyboard, the offline cache installed), and a second more.
 */
async function typedCommands(browser, url, commands, { settled = false } = {}) {
  const ctx = await browser.newContext()
  try {
    const page = await ctx.newPage()
    await page.addInitScript(pageHops)
    await page.goto(url)
    await page.waitForFunction(() => window.lab !== undefined)
    await page.evaluate(() => window.lab.ready)
    const worker = page.workers().find((w) => LAB_WORKER.test(w.url()))
    if (settled) {
      await page.waitForSelector('html[data-startup="settled"]', { state: 'attached' })
      for (let i = 0; !(await worker.evaluate(() => performance.getEntriesByName('lab-warm').length > 0)); i++) {
        if (i > 600) throw new Error("the worker's warm-up did not end within 30 s")
        await page.waitForTimeout(50)
      }
      await page.waitForFunction(() => performance.getEntriesByName('editor-preloaded').length > 0, undefined, { timeout: 30_000 })
      await page.waitForFunction(() => performance.getEntriesByName('page-warm').length > 0, undefined, { timeout: 30_000 })
      await page.evaluate(() => navigator.serviceWorker.ready)
      await page.waitForTimeout(1000)
    }
    await worker?.evaluate(workerHops)
    const input = page.locator('input[aria-label="Command line"]')
    const out = []
    for (const c of commands) {
      await page.waitForSelector('.t-inputline[data-busy="false"]')
      await input.fill(c)
      await page.evaluate(() => (window.__hops = {}))
      await worker?.evaluate(() => (self.__hops = {}))
      const timing = page.evaluate(
        () =>
          new Promise((resolve) => {
            const log = document.querySelector('[role="log"]')
            const inputLine = document.querySelector('.t-inputline')
            let t0
            const onKey = (e) => {
              if (e.key === 'Enter') t0 = performance.now()
            }
            addEventListener('keydown', onKey, { capture: true })
            const done = () => {
              obs.disconnect()
              removeEventListener('keydown', onKey, { capture: true })
              resolve({ ms: performance.now() - t0, key: performance.timeOrigin + t0 })
            }
            let echoed = false
            // output without a final newline stands before the prompt's place (.t-before), not in a line of its own
            const before = inputLine.querySelector('.t-before')
            const unfinished = () => [...before.childNodes].some((n) => !(n instanceof HTMLElement && n.dataset.testid === 'prompt') && n.textContent !== '')
            const obs = new MutationObserver((records) => {
              if (t0 === undefined) return
              for (const r of records) {
                if (r.type === 'attributes' && r.target === inputLine && inputLine.getAttribute('data-busy') === 'false' && echoed) return done()
                if (echoed && r.target !== log && r.target !== inputLine && unfinished()) return done()
                for (const n of r.addedNodes) {
                  if (!(n instanceof HTMLElement) || !n.classList.contains('t-line')) continue
                  if (!echoed && n.textContent.startsWith('root@workstation:')) {
                    echoed = true
                    if (unfinished()) return done()
                  } else return done()
                }
              }
            })
            obs.observe(log, { childList: true })
            obs.observe(inputLine, { attributes: true, attributeFilter: ['data-busy'] })
            obs.observe(before, { childList: true, subtree: true, characterData: true })
          }),
      )
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)))
      await input.press('Enter')
      const { ms, key } = await timing
      const inPage = await page.evaluate(() => window.__hops)
      const inWorker = (await worker?.evaluate(() => self.__hops)) ?? {}
      const at = (t) => (t === undefined ? undefined : t - key)
      out.push({ ms, sent: at(inPage.sent), workerIn: at(inWorker.in), workerOut: at(inWorker.out), back: at(inPage.back) })
    }
    return out
  } finally {
    await ctx.close()
  }
}

/** Alternating rounds on the lab (labUrl) and the blank page (blankUrl). */
export async function benchTyping(browser, { labUrl, blankUrl, runs, commands }) {
  const lab = { input: [], first: [], keys: [] }
  const blank = { input: [], first: [], keys: [] }
  const enter = []
  const warm = []
  const settled = []
  const line = 'kubectl get ns'
  for (let r = 0; r < runs; r++) {
    const b = await typeAtOnce(browser, `${blankUrl}/`, { answer: `^${line}$`, readyMark: 'input-ready', line })
    blank.input.push(b.input)
    blank.first.push(b.answerAt)
    blank.keys.push(...b.keys)
    const l = await typeAtOnce(browser, `${labUrl}/`, { answer: '^NAME\\s+STATUS\\s+AGE$', readyMark: 'terminal-input-ready', line })
    lab.input.push(l.input)
    lab.first.push(l.answerAt)
    lab.keys.push(...l.keys)
    if (commands.length) {
      enter.push(...(await typedCommands(browser, `${labUrl}/?seed=1`, commands)))
      warm.push(...(await typedCommands(browser, `${labUrl}/?seed=1`, commands, { settled: true })))
      // the first pass over LIGHT warms their code and is not counted
      settled.push(...(await typedCommands(browser, `${labUrl}/?seed=1`, [...LIGHT, ...LIGHT, ...LIGHT], { settled: true })).slice(LIGHT.length))
    }
  }
  // enter, warm, settled: per command, Enter -> DOM (ms) and where the time went (ms after the key)
  return { lab, blank, enter, warm, settled }
}
