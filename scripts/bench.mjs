// npm run bench: how quick the lab is, as a report (exit 0 always; misses are marked).
//
//  * ready:   navigation -> terminal input enabled (index.html's own command line takes input
//             before the script loads; also: -> React terminal mounted, -> lab ready, and the stages of the
//             lab's start-up from performance marks in the worker and the page), median of fresh contexts,
//             on a production build served by `vite preview` on 127.0.0.1, Debian Chromium
//  * size:    initial JS + CSS of index.html (entry script, modulepreloads, stylesheets), gzip -9
//  * per-command wall time of lab.run() for the article's commands (seed 1), in the page
//             through window.lab.run (terminal rendering included) and headless in Node;
//             the page runs the article once cold (fresh context) then, once Monaco's background
//             load is over, twice warm from the same snapshot; median and p95 are over the warm runs
//             (Node: one process, all runs after a first one that warms the JIT);
//             virtual time the lab skips (kubectl wait) is not wall time and does not count.
//  * timeline: redraw after a clock step with 50 pods and a year of lab time, median and p95
//             (scripts/benchTimeline.mjs): from the timeline starting to render the new lab
//             view version to its committed, laid-out DOM; also (info) from the lab view's bump,
//             with the other panels' renders; the lab's own work in advance() does not count.
//  * year:    a year of lab time (`lab.advance("365d")`) with 200 running pods, headless in Node
//             (every kubelet refresh computed from its schedule; none is requested or signed
//             until someone reads the token).
//  * typing:  start-up and typing inside the page, side by side with a blank React page built
//             with the same Vite and React (scripts/benchTyping.mjs, scripts/bench/blank),
//             alternating rounds: input ready, the first command's answer when typed at once,
//             key latency during start-up, and Enter -> output in the DOM for typed article commands
//             (once the page has settled and the worker has warmed up; also at once when the lab is ready).
//
// Options (environment): BENCH_RUNS (default 7), BENCH_PORT (4175), CHROMIUM_PATH, BENCH_SKIP_BUILD=1.
// `npm run bench -- --startup`: only the size, the lab's start-up (input ready, and where its time went:
// the worker's thread up, the lab's code run, the lab built, the page's start message, started, ready)
// and the rounds against the blank page (input ready, first command typed at once, keys while starting).

import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { benchTimeline, TIMELINE_PODS } from './benchTimeline.mjs'
import { benchTyping, BLANK_OUT, buildBlank } from './benchTyping.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7))
const PORT = Number(process.env.BENCH_PORT ?? 4175)
/** BENCH_SKIP_BUILD=1 uses dist/ as it is; unset or 0 builds first. */
const SKIP_BUILD = !!process.env.BENCH_SKIP_BUILD && process.env.BENCH_SKIP_BUILD !== '0'
const TARGET = { readyMs: 300, initialKiB: 80, p95Ms: 16, redrawMs: 16, yearMs: 250, ratio: 1.3, enterMs: 6 }
const YEAR_PODS = 200
const STARTUP_ONLY = process.argv.includes('--startup')

export const ARTICLE = [
  'kubectl create namespace sa-demo',
  'kubectl -n sa-demo get sa',
  'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000',
  'kubectl -n sa-demo wait --for=condition=Ready pod/app',
  'kubectl -n sa-demo exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount/',
  'kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace',
  "kubectl -n sa-demo get pod app -o jsonpath='{.spec.volumes[?(@.projected)].projected.sources}'",
  'kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token | cut -d. -f2 | base64 -d | python3 -m json.tool',
  'TOK=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)',
]

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
/** The medians of a typed command's hops (benchTyping.mjs), e.g. `0.4 / 0.7 / 2.1 / 2.8 ms`. */
const hops = (rows) => {
  const of = (k) => {
    const xs = rows.map((r) => r[k]).filter((v) => v !== undefined)
    return xs.length ? median(xs) : undefined
  }
  return ['sent', 'workerIn', 'workerOut', 'back'].map((k) => of(k)?.toFixed(1) ?? '—').join(' / ') + ' ms'
}
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]
}
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(1)} ms`)
const mark = (ok) => (ok ? 'ok' : 'MISS')

// ---- headless part, run in a child `node --import tsx scripts/bench.mjs --node` ----
if (process.argv.includes('--node')) {
  const { createLab } = await import(join(ROOT, 'src/app/lab.ts'))
  const samples = ARTICLE.map(() => [])
  const fails = new Set()
  // Run 0 warms the JIT (as the page's cold run does) and is not counted; `--year-only` skips the article.
  for (let r = 0; r <= (process.argv.includes('--year-only') ? -1 : RUNS); r++) {
    const lab = await createLab({ seed: '1' })
    for (const [i, cmd] of ARTICLE.entries()) {
      const t = performance.now()
      const res = await lab.run(cmd)
      if (r > 0) samples[i].push(performance.now() - t)
      if (res.exitCode !== 0) fails.add(i)
    }
  }
  // A year of lab time with 200 running pods (kubelet refreshes computed from the schedule).
  const year = []
  const yearCpu = []
  for (let r = 0; r < RUNS; r++) {
    const lab = await createLab({ seed: `year-${r}` })
    await lab.run('kubectl create ns bench')
    for (let p = 0; p < YEAR_PODS; p++) await lab.run(`kubectl -n bench run p${p} --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000`)
    await lab.run('lab advance 10s')
    const cpu = process.cpuUsage()
    const t = performance.now()
    await lab.advance('365d')
    year.push(performance.now() - t)
    const used = process.cpuUsage(cpu)
    yearCpu.push((used.user + used.system) / 1000)
  }
  process.stdout.write(JSON.stringify({ samples, fails: [...fails], year, yearCpu }))
  process.exit(0)
}

// `npm run bench -- --year`: only the year figure (headless, no build or browser).
if (process.argv.includes('--year')) {
  const n = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--node', '--year-only'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_RUNS: String(RUNS) }, maxBuffer: 64 << 20,
  })
  const { year = [], yearCpu = [] } = JSON.parse(n.stdout || '{}')
  const y = median(year)
  console.log(`a year of lab time, ${YEAR_PODS} pods, headless (median of ${year.length}): ${ms(y)} (target < ${TARGET.yearMs} ms) ${mark(y < TARGET.yearMs)}; fastest ${ms(Math.min(...year))}; CPU time ${ms(median(yearCpu))} (median), ${ms(Math.min(...yearCpu))} (least)`)
  process.exit(0)
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` }
}

function initialSize() {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8')
  const refs = new Set()
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) refs.add(m[1])
  for (const m of html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)) refs.add(m[1])
  const files = [...refs].filter((r) => !/^https?:/.test(r)).map((r) => {
    const buf = readFileSync(join(ROOT, 'dist', r.replace(/^\//, '')))
    return { file: r, raw: buf.length, gz: gzipSync(buf, { level: 9 }).length }
  })
  const inline = Buffer.from(html)
  return { files, total: files.reduce((a, f) => a + f.gz, 0), html: gzipSync(inline, { level: 9 }).length }
}

async function waitFor(url, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    try {
      const r = await fetch(url)
      if (r.ok) return true
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return false
}

async function browserPart(url, blankUrl) {
  const { chromium } = await import('playwright-core')
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const browser = await chromium.launch({ executablePath: existsSync(exe) ? exe : undefined, args: ['--disable-gpu', '--disable-quic'] })
  const ready = []
  const labReady = []
  const startup = []
  const mounted = []
  const samples = ARTICLE.map(() => [])
  const cold = ARTICLE.map(() => [])
  const fails = new Set()
  let timeline
  let typing
  try {
    for (let r = 0; r < RUNS; r++) {
      // fresh context: empty storage and cache, as a first visit
      const ctx = await browser.newContext()
      const page = await ctx.newPage()
      await page.goto(`${url}/`, { waitUntil: 'commit' })
      await page.waitForFunction(() => {
        const i = document.querySelector('input[aria-label="Command line"]')
        return i !== null && !i.disabled && performance.getEntriesByName('terminal-input-ready').length > 0
      }, undefined, { polling: 10 })
      await page.waitForFunction(() => window.lab !== undefined)
      await page.evaluate(() => window.lab.ready)
      const marks = await page.evaluate(() => ({
        input: performance.getEntriesByName('terminal-input-ready')[0]?.startTime,
        mounted: performance.getEntriesByName('terminal-mounted')[0]?.startTime,
        lab: performance.getEntriesByName('lab-ready')[0]?.startTime,
      }))
      ready.push(marks.input)
      if (marks.mounted !== undefined) mounted.push(marks.mounted)
      if (marks.lab !== undefined) labReady.push(marks.lab)
      // where the lab's start-up went: the worker's marks (src/app/worker.ts, labPrepare.ts,
      // labServer.ts) and the page's, all in ms after the navigation
      const stages = await page.evaluate(() => ({ origin: performance.timeOrigin, asked: performance.getEntriesByName('lab-start-asked')[0]?.startTime }))
      const worker = page.workers().find((w) => /\/worker-[\w-]+\.js$/.test(w.url()))
      const w = await worker?.evaluate(() => ({ origin: performance.timeOrigin, marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])) }))
      if (w) {
        const at = (t) => (t === undefined ? undefined : w.origin + t - stages.origin)
        startup.push({ worker: w.origin - stages.origin, code: at(w.marks['lab-code']), built: at(w.marks['lab-built']), asked: stages.asked, started: at(w.marks['lab-started']), ready: marks.lab })
      }
      await ctx.close()
      if (STARTUP_ONLY) continue

      const ctx2 = await browser.newContext()
      const page2 = await ctx2.newPage()
      await page2.goto(`${url}/?seed=1`)
      await page2.waitForFunction(() => window.lab !== undefined)
      // The article once on a cold page, then twice more from the same starting snapshot
      // (warm, like the Node runs, which share one process).
      const passes = await page2.evaluate(async ({ cmds, warm }) => {
        await window.lab.ready
        const start = await window.lab.snapshot()
        const all = []
        for (let pass = 0; pass <= warm; pass++) {
          if (pass === 1) {
            // The warm passes measure the commands, not the page's start-up: Monaco loads in the
            // background once the keyboard has been quiet 2 s (EditorHost.tsx), and these runs press
            // no key. Wait until it has (its styles are the last thing it installs), at most 15 s.
            const until = performance.now() + 15_000
            while (!document.getElementById('tokenlab-editor-styles') && performance.now() < until) await new Promise((r) => setTimeout(r, 50))
            await new Promise((r) => setTimeout(r, 200))
          }
          if (pass > 0) await window.lab.restore(start)
          const out = []
          for (const c of cmds) {
            const t = performance.now()
            const res = await window.lab.run(c)
            out.push({ t: performance.now() - t, exit: res.exitCode })
          }
          all.push(out)
        }
        return all
      }, { cmds: ARTICLE, warm: 2 })
      passes.forEach((times, pass) =>
        times.forEach((x, i) => {
          ;(pass === 0 ? cold : samples)[i].push(x.t)
          if (x.exit !== 0) fails.add(i)
        }),
      )
      await ctx2.close()
    }
    if (!STARTUP_ONLY) timeline = await benchTimeline(browser, url, { steps: Math.max(30, RUNS * 8) })
    if (blankUrl) {
      try {
        typing = await benchTyping(browser, { labUrl: url, blankUrl, runs: RUNS, commands: STARTUP_ONLY ? [] : ARTICLE })
      } catch (e) {
        typing = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) }
      }
    }
  } finally {
    await browser.close()
  }
  return { ready, mounted, labReady, startup, samples, cold, fails: [...fails], timeline, typing }
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)))
  return rows.map((r) => r.map((v, c) => String(v).padEnd(widths[c])).join('  ').trimEnd()).join('\n')
}

async function main() {
  const problems = []
  if (!SKIP_BUILD) {
    console.log('building (vite build)…')
    const b = run(process.execPath, ['node_modules/vite/bin/vite.js', 'build'])
    if (!b.ok) {
      console.log(`build failed; no browser numbers:\n${b.out.split('\n').slice(-15).join('\n')}`)
      problems.push('build failed')
    }
  }
  let size
  let browser
  if (!problems.length && existsSync(join(ROOT, 'dist/index.html'))) {
    size = initialSize()
    const blank = SKIP_BUILD && existsSync(join(BLANK_OUT, 'index.html')) ? { ok: true } : buildBlank(ROOT)
    if (!blank.ok) problems.push(`the blank page did not build: ${blank.out.split('\n').slice(-3).join(' | ')}`)
    const blankPreview = blank.ok
      ? spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--config', 'scripts/bench/blank/vite.config.mjs', '--host', '127.0.0.1', '--port', String(PORT + 1), '--strictPort'], {
          cwd: ROOT,
          stdio: 'ignore',
          env: { ...process.env, BENCH_BLANK_OUT: BLANK_OUT },
        })
      : undefined
    const preview = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
      cwd: ROOT,
      stdio: 'ignore',
    })
    try {
      const url = `http://127.0.0.1:${PORT}`
      const blankUrl = `http://127.0.0.1:${PORT + 1}`
      const blankUp = blankPreview !== undefined && (await waitFor(blankUrl))
      if (blankPreview && !blankUp) problems.push(`the blank page's preview did not answer on ${blankUrl}`)
      if (!(await waitFor(url))) problems.push(`preview did not answer on ${url}`)
      else browser = await browserPart(url, blankUp ? blankUrl : undefined)
    } catch (e) {
      problems.push(`browser part failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`)
    } finally {
      preview.kill()
      blankPreview?.kill()
    }
  }

  let node
  const n = STARTUP_ONLY ? { stdout: '{}' } : console.log('headless lab in Node (node --import tsx)…') ?? spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--node'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RUNS: String(RUNS) },
    maxBuffer: 64 << 20,
  })
  try {
    node = JSON.parse(n.stdout)
  } catch {
    problems.push(`node part failed: ${(n.stderr || n.stdout || '').split('\n').slice(0, 5).join(' | ')}`)
  }

  console.log(`\nToken lab bench — ${RUNS} fresh runs each, Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}\n`)
  const rows = [['measure', 'value', 'target', '']]
  if (browser?.ready.length) {
    const r = median(browser.ready)
    rows.push(['terminal input ready (median)', ms(r), `≤ ${TARGET.readyMs} ms`, mark(r <= TARGET.readyMs)])
    rows.push(['terminal component mounted (median)', ms(browser.mounted.length ? median(browser.mounted) : undefined), '(info)', ''])
    rows.push(['lab ready, seedless (median)', ms(browser.labReady.length ? median(browser.labReady) : undefined), '(info)', ''])
    if (browser.startup.length) {
      // the worker's chain (thread up, its code compiled and run, the fresh lab built) meets the page's (start asked)
      const stage = (k) => {
        const xs = browser.startup.map((x) => x[k]).filter((v) => v !== undefined)
        return xs.length ? median(xs).toFixed(0) : '—'
      }
      rows.push(['  worker up / lab code run / lab built / start asked / started / ready', ['worker', 'code', 'built', 'asked', 'started', 'ready'].map(stage).join(' / ') + ' ms', '(info)', ''])
    }
  } else if (!STARTUP_ONLY) rows.push(['terminal input ready', '—', `≤ ${TARGET.readyMs} ms`, 'not measured'])
  if (size) {
    const kib = size.total / 1024
    rows.push(['initial JS+CSS gzip -9', `${kib.toFixed(1)} KiB`, `≤ ${TARGET.initialKiB} KiB`, mark(kib <= TARGET.initialKiB)])
    for (const f of size.files) rows.push([`  ${f.file}`, `${(f.gz / 1024).toFixed(1)} KiB`, `(raw ${(f.raw / 1024).toFixed(1)} KiB)`, ''])
  } else rows.push(['initial JS+CSS gzip -9', '—', `≤ ${TARGET.initialKiB} KiB`, 'not measured'])
  const tl = browser?.timeline
  if (tl?.samples.length) {
    const m = median(tl.samples)
    rows.push([`timeline redraw after a 1m clock step, ${TIMELINE_PODS} pods, a year (median)`, ms(m), `≤ ${TARGET.redrawMs} ms`, mark(m <= TARGET.redrawMs)])
    rows.push(['  p95', ms(p95(tl.samples)), '(info)', ''])
    if (tl.page.length) rows.push(["  from the bump, other panels' renders included (median)", ms(median(tl.page)), '(info)', ''])
    rows.push(['  steps; rows, marks drawn', `${tl.samples.length}; ${tl.rows}, ${tl.marks}`, '(info)', ''])
    rows.push(['  step wall time incl. lab work (median)', ms(median(tl.wall)), '(info)', ''])
  } else if (!STARTUP_ONLY) rows.push(['timeline redraw after a clock step', '—', `≤ ${TARGET.redrawMs} ms`, `not measured${tl?.error ? `: ${tl.error}` : ''}`])
  if (node?.year?.length) {
    const y = median(node.year)
    rows.push([`a year of lab time, ${YEAR_PODS} pods, headless (median)`, ms(y), `< ${TARGET.yearMs} ms`, mark(y < TARGET.yearMs)])
    rows.push(['  fastest run (the least disturbed by other processes)', ms(Math.min(...node.year)), '(info)', ''])
    if (node.yearCpu?.length) rows.push(['  CPU time of the process (median; wall time on a busy machine is more)', ms(median(node.yearCpu)), '(info)', ''])
  }
  const ty = browser?.typing
  if (ty && !ty.error) {
    const ratio = (a, b) => `${(a / b).toFixed(2)}x`
    const li = median(ty.lab.input)
    const bi = median(ty.blank.input)
    rows.push(['vs a blank React page (same Vite, React), in the page, alternating rounds', '', '', ''])
    rows.push(['  input ready: lab / blank (median)', `${ms(li)} / ${ms(bi)} = ${ratio(li, bi)}`, `≤ ${TARGET.ratio}x`, mark(li <= TARGET.ratio * bi)])
    // The typing floor of a line typed at once is the moment Enter can go down on the blank page
    // after the same keys: its echo of the line (issue 8 measured 738 ms as 2.1x of it, with the
    // blank page's input ready at about 240 ms, so the floor includes the typing).
    const lf = median(ty.lab.first)
    const bf = median(ty.blank.first)
    rows.push(["  first command typed at once: lab's answer / blank's typing floor (its echo)", `${ms(lf)} / ${ms(bf)} = ${ratio(lf, bf)}`, `≤ ${TARGET.ratio}x`, mark(lf <= TARGET.ratio * bf)])
    const lk = median(ty.lab.keys)
    const bk = median(ty.blank.keys)
    rows.push(['  key -> next frame while starting: lab / blank (median)', `${ms(lk)} / ${ms(bk)} = ${ratio(lk, bk)}`, `≤ ${TARGET.ratio}x`, mark(lk <= TARGET.ratio * bk)])
    rows.push(['  p95 of the same', `${ms(p95(ty.lab.keys))} / ${ms(p95(ty.blank.keys))}`, '(info)', ''])
    if (ty.enter.length) {
      const warmMs = ty.warm.map((x) => x.ms)
      const w = median(warmMs)
      rows.push(['typed article command, page settled and warm: Enter -> output in the DOM (median)', ms(w), `≤ ${TARGET.enterMs} ms`, mark(w <= TARGET.enterMs)])
      rows.push(['  p95', ms(p95(warmMs)), '(info)', ''])
      rows.push(['  after the key (medians): sent, in the worker, first output out, in the page', hops(ty.warm), '(info)', ''])
      const enterMs = ty.enter.map((x) => x.ms)
      rows.push(['typed article command at once when the lab is ready (code cold): the same (median)', ms(median(enterMs)), '(info)', ''])
      rows.push(['  p95', ms(p95(enterMs)), '(info)', ''])
      rows.push(['  after the key (medians): sent, in the worker, first output out, in the page', hops(ty.enter), '(info)', ''])
      rows.push(['typed light command, page settled and warm: Enter -> output in the DOM (median)', ms(median(ty.settled.map((x) => x.ms))), '(info)', ''])
      rows.push(['  after the key (medians): sent, in the worker, first output out, in the page', hops(ty.settled), '(info)', ''])
    }
  } else rows.push(['typing vs a blank React page', '—', '', `not measured${ty?.error ? `: ${ty.error}` : ''}`])
  console.log(table(rows))

  const cmdRows = STARTUP_ONLY ? [] : [['#', 'command', 'page cold median', 'page median', 'page p95', 'node median', 'node p95', `p95 ≤ ${TARGET.p95Ms} ms`]]
  if (!STARTUP_ONLY) ARTICLE.forEach((c, i) => {
    const pm = browser && median(browser.samples[i])
    const pp = browser && p95(browser.samples[i])
    const nm = node && median(node.samples[i])
    const np = node && p95(node.samples[i])
    const worst = Math.max(pp ?? 0, np ?? 0)
    const failed = browser?.fails.includes(i) || node?.fails.includes(i)
    cmdRows.push([
      String(i + 1),
      c.length > 60 ? `${c.slice(0, 57)}…` : c,
      ms(browser && median(browser.cold[i])),
      ms(pm),
      ms(pp),
      ms(nm),
      ms(np),
      (browser || node ? mark(worst <= TARGET.p95Ms) : '—') + (failed ? ' (exit≠0)' : ''),
    ])
  })
  if (!STARTUP_ONLY) console.log(`\n${table(cmdRows)}`)
  if (problems.length) console.log(`\nnot measured: ${problems.join('; ')}`)
  process.exit(0)
}

await main()
