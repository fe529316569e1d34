// npm run transcript -- [--seed N] [--now ISO-8601] [--json] FILE   (FILE `-` is stdin)
// A fresh lab runs each command of FILE and prints `$ command` and its output (or, with --json,
// one JSON array of { command, stdout, stderr, exitCode, now }). Exits non-zero only when the
// runner itself fails (bad arguments, unreadable file), never because a command failed.
import { readFileSync } from 'node:fs'
import { createLab } from '../src/app/lab'
import { formatTranscript, runTranscript } from '../src/app/transcript'

const USAGE = 'usage: npm run transcript -- [--seed N] [--now ISO-8601] [--json] FILE   (FILE - reads stdin)'

function parseArgs(argv: string[]) {
  const o: { seed?: string; now?: string; json: boolean; file?: string } = { json: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (name: string) => {
      const eq = a.indexOf('=')
      if (eq > 0) return a.slice(eq + 1)
      const v = argv[++i]
      if (v === undefined) throw new Error(`${name} needs a value`)
      return v
    }
    if (a === '--json') o.json = true
    else if (a === '--seed' || a.startsWith('--seed=')) o.seed = value('--seed')
    else if (a === '--now' || a.startsWith('--now=')) o.now = value('--now')
    else if (a === '-h' || a === '--help') { console.log(USAGE); process.exit(0) }
    else if (a.startsWith('-') && a !== '-') throw new Error(`unknown option ${a}`)
    else if (o.file === undefined) o.file = a
    else throw new Error(`only one FILE may be given (got ${o.file} and ${a})`)
  }
  if (o.file === undefined) throw new Error('missing FILE')
  return o
}

async function main() {
  let opts
  try {
    opts = parseArgs(process.argv.slice(2))
  } catch (e) {
    console.error(`transcript: ${(e as Error).message}\n${USAGE}`)
    process.exit(2)
  }
  const script = readFileSync(opts.file === '-' || opts.file === undefined ? 0 : opts.file, 'utf8')
  const lab = await createLab({ seed: opts.seed, now: opts.now })
  const entries = await runTranscript(lab, script)
  if (opts.json) {
    const rows = entries.map(({ command, stdout, stderr, exitCode, now }) => ({ command, stdout, stderr, exitCode, now }))
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
  } else {
    process.stdout.write(formatTranscript(entries))
  }
}

main().catch((e) => {
  console.error(`transcript: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
