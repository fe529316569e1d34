// Runs the whole suite: lint, type check, the unit suite (vitest) and the browser suite
// (playwright), always all of them, and ends with one plain line `N passed, N failed, N skipped`.
// The browser tests tagged @timing (frames kept while a hostile command runs, answers within a
// bound) go first, with one worker and nothing else running but lint and the type check (done
// while the production build is made): on a 2-core machine a unit suite beside them starves the
// page now and then, and a frame gap measured then is not the page's doing. Then the rest of the
// browser suite (on the same build) runs beside the unit suite. Each part's output is printed as
// a block when it ends, with its wall time.
// While @timing runs, one core is mostly idle (after lint and the type check): the unit suite
// starts then at the lowest priority (nice 19), taking only what the timing tests leave, and is
// given normal priority back when they end. Lowering a niceness needs root (CI runs as root);
// elsewhere the unit suite starts after @timing, as before.
// TEST_SERIAL=1 runs the parts one after another instead, with their output as it comes.
// Exits non-zero if any runner failed, anything failed or was skipped, or nothing passed.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const REPORTS = 'reports' // not test-results/: Playwright empties that folder when it starts
rmSync(REPORTS, { recursive: true, force: true })
mkdirSync(REPORTS, { recursive: true })
const env = { ...process.env, NO_COLOR: '1' }
delete env.FORCE_COLOR
const serial = process.env.TEST_SERIAL === '1'
const started = Date.now()
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`
const times = []

/**
 * Runs one part; resolves to its exit status. In parallel mode its output is held and printed when
 * it ends. `niced`: started at nice 19 in a process group of its own; `niced.group` is set to it.
 */
function run(name, cmd, args, extra = {}, niced = undefined) {
  const t0 = Date.now()
  return new Promise((resolve) => {
    const child = niced
      ? spawn('nice', ['-n', '19', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...extra }, detached: true })
      : spawn(cmd, args, { stdio: serial ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...env, ...extra } })
    if (niced) {
      niced.group = child.pid
      // a detached group does not get the terminal's Ctrl+C: pass it on
      process.on('SIGINT', () => { try { process.kill(-child.pid, 'SIGINT') } catch { /* ended */ } process.exit(130) })
    }
    const out = []
    if (!serial) {
      child.stdout.on('data', (d) => out.push(d))
      child.stderr.on('data', (d) => out.push(d))
    }
    child.on('error', (e) => out.push(Buffer.from(String(e))))
    child.on('close', (code) => {
      const ms = Date.now() - t0
      times.push([name, ms])
      if (!serial) process.stdout.write(`\n===== ${name} =====\n${Buffer.concat(out).toString()}`)
      console.log(`----- ${name}: exit ${code}, ${secs(ms)}`)
      resolve(code ?? 1)
    })
  })
}
const readJson = (f) => {
  try { return JSON.parse(readFileSync(f, 'utf8')) } catch { return undefined }
}

/** One part of the browser suite (playwright.config.ts: E2E_PART), with a JSON report of its own. */
const e2eRun = (part, extra = {}) =>
  run(`e2e ${part} (playwright)`, 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: `${REPORTS}/e2e-${part}.json`,
    E2E_PART: part,
    ...extra,
  })
// The timing tests alone: one worker. The second browser run serves the build the first one made.
const timingRun = () => e2eRun('timing', { E2E_WORKERS: '1' })
const restRun = () => e2eRun('rest', { E2E_BUILD: '0' })
const unitRun = (niced) => run('unit (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${REPORTS}/vitest.json`], {}, niced)
/** Normal priority for every thread of a niced part's process group (renice -g); whether it worked. */
const unnice = (niced) => spawnSync('renice', ['-n', '0', '-g', String(niced.group)], { stdio: 'ignore' }).status === 0
const canUnnice = process.getuid?.() === 0 && spawnSync('renice', ['--version'], { stdio: 'ignore' }).status === 0
let lintRc, typeRc, unitRc, timingRc, restRc
if (serial) {
  lintRc = await run('lint', 'npm', ['run', '--silent', 'lint'])
  typeRc = await run('typecheck', 'npx', ['tsc', '-b'])
  unitRc = await unitRun()
  timingRc = await timingRun()
  restRc = await restRun()
} else {
  const timing = timingRun()
  const niced = canUnnice ? {} : undefined
  const early = niced ? unitRun(niced) : undefined
  ;[lintRc, typeRc] = await Promise.all([run('lint', 'npm', ['run', '--silent', 'lint']), run('typecheck', 'npx', ['tsc', '-b'])])
  timingRc = await timing
  if (niced && !unnice(niced)) console.log('----- could not give the unit suite normal priority back: it runs on at nice 19')
  ;[unitRc, restRc] = await Promise.all([early ?? unitRun(), restRun()])
}
const e2eRc = timingRc !== 0 ? timingRc : restRc

const v = readJson(`${REPORTS}/vitest.json`)
const unit = v
  ? { passed: v.numPassedTests, failed: v.numFailedTests, skipped: v.numPendingTests + v.numTodoTests }
  : { passed: 0, failed: 1, skipped: 0 }
/** A browser run's counts from its JSON report (a missing report counts as a failure). */
const e2eCounts = (part) => {
  const p = readJson(`${REPORTS}/e2e-${part}.json`)
  return p
    ? { passed: p.stats.expected + p.stats.flaky, failed: p.stats.unexpected + (p.errors?.length ?? 0), skipped: p.stats.skipped }
    : { passed: 0, failed: 1, skipped: 0 }
}
const [t, r] = [e2eCounts('timing'), e2eCounts('rest')]
const e2e = { passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }
const checks = { passed: (lintRc === 0) + (typeRc === 0), failed: (lintRc !== 0) + (typeRc !== 0), skipped: 0 }
const line = (s) => `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`
const total = {
  passed: unit.passed + e2e.passed + checks.passed,
  failed: unit.failed + e2e.failed + checks.failed,
  skipped: unit.skipped + e2e.skipped,
}
console.log(`\nwall time: ${times.map(([n, ms]) => `${n} ${secs(ms)}`).join(', ')}; whole suite ${secs(Date.now() - started)}${serial ? ' (serial)' : canUnnice ? ' (@timing first with the unit suite at nice 19 beside it, then the unit suite and the rest of e2e side by side)' : ' (@timing first, then the unit suite and the rest of e2e side by side)'}`)
console.log(`lint and typecheck (rc=${lintRc}, ${typeRc}): ${line(checks)}`)
console.log(`unit (vitest rc=${unitRc}): ${line(unit)}`)
console.log(`e2e (playwright rc=${timingRc}, ${restRc}): ${line(e2e)} (@timing alone: ${line(t)})`)
console.log(line(total))
if (total.skipped) console.log(`${total.skipped} skipped: the suite skips nothing (a missing tool is a failure that names it)`)
const failed = lintRc !== 0 || typeRc !== 0 || unitRc !== 0 || e2eRc !== 0 || total.failed > 0 || total.skipped > 0 || total.passed === 0
process.exit(failed ? 1 : 0)
