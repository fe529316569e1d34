// Runs the unit suite (vitest) and the browser suite (playwright), always both, and ends with
// one plain line `N passed, N failed, N skipped`. Exits non-zero if either runner failed,
// anything failed, or nothing passed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const REPORTS = 'reports' // not test-results/: Playwright empties that folder when it starts
rmSync(REPORTS, { recursive: true, force: true })
mkdirSync(REPORTS, { recursive: true })
const env = { ...process.env, NO_COLOR: '1' }
delete env.FORCE_COLOR
const run = (cmd, args, extra = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extra } }).status ?? 1
const readJson = (f) => {
  try { return JSON.parse(readFileSync(f, 'utf8')) } catch { return undefined }
}

const lintRc = run('npm', ['run', '--silent', 'lint'])
const typeRc = run('npx', ['tsc', '-b'])
const unitRc = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${REPORTS}/vitest.json`])
const e2eRc = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: `${REPORTS}/e2e.json` })

const v = readJson(`${REPORTS}/vitest.json`)
const p = readJson(`${REPORTS}/e2e.json`)
const unit = v
  ? { passed: v.numPassedTests, failed: v.numFailedTests, skipped: v.numPendingTests + v.numTodoTests }
  : { passed: 0, failed: 1, skipped: 0 }
const e2e = p
  ? { passed: p.stats.expected + p.stats.flaky, failed: p.stats.unexpected + (p.errors?.length ?? 0), skipped: p.stats.skipped }
  : { passed: 0, failed: 1, skipped: 0 }
const checks = { passed: (lintRc === 0) + (typeRc === 0), failed: (lintRc !== 0) + (typeRc !== 0), skipped: 0 }
const line = (s) => `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`
const total = {
  passed: unit.passed + e2e.passed + checks.passed,
  failed: unit.failed + e2e.failed + checks.failed,
  skipped: unit.skipped + e2e.skipped,
}
console.log(`\nlint and typecheck (rc=${lintRc}, ${typeRc}): ${line(checks)}`)
console.log(`unit (vitest rc=${unitRc}): ${line(unit)}`)
console.log(`e2e (playwright rc=${e2eRc}): ${line(e2e)}`)
console.log(line(total))
const failed = lintRc !== 0 || typeRc !== 0 || unitRc !== 0 || e2eRc !== 0 || total.failed > 0 || total.passed === 0
process.exit(failed ? 1 : 0)
