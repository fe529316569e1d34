// Test helper: run lines in the machine's real bash (one process for a whole batch, each line in
// a subshell of its own, in a fresh directory holding the given files) and normalise its
// messages as an interactive bash prints them (see differential.test.ts for why).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type Outcome, runBatch } from './realTools'

export async function realBashLines(lines: readonly string[], files: Record<string, string> = {}): Promise<Outcome[]> {
  const root = mkdtempSync(join(tmpdir(), 'bash-lang-'))
  try {
    const calls = lines.map((line, i) => {
      const dir = join(root, String(i))
      mkdirSync(dir)
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true })
        writeFileSync(join(dir, name), text)
      }
      return { shell: line, cwd: dir }
    })
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', HOME: '/root' }
    const outcomes = await runBatch(calls, { env })
    return outcomes.map((r) => ({ ...r, stderr: normaliseBashStderr(r.stderr) }))
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

export function normaliseBashStderr(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !/^bash: (-c|eval): line [0-9]+: `.*'$/.test(l))
    .map((l) => l.replace(/^bash: ((-c|eval): )?line [0-9]+: /, 'bash: '))
    .join('\n')
}
