// Golden transcripts: each tests/golden/NAME.sh runs in a fresh deterministic lab and its whole
// output must equal NAME.out. The expected files were checked line by line against the
// Kubernetes reference and the article (see the comments in each .sh and tests/golden/README.md);
// regenerate one only after checking the difference by hand:
//   npm run transcript -- --seed 1 tests/golden/NAME.sh > tests/golden/NAME.out
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLab } from '../../src/app/lab'
import { formatTranscript, runTranscript } from '../../src/app/transcript'

const DIR = join(__dirname)
const scripts = readdirSync(DIR).filter((f) => f.endsWith('.sh')).sort()

function header(script: string, key: string): string | undefined {
  return script.match(new RegExp(`^# ${key}: (.+)$`, 'm'))?.[1].trim()
}

describe('golden transcripts', () => {
  it('has scripts to check', () => {
    expect(scripts.length).toBeGreaterThan(0)
  })

  for (const file of scripts) {
    it(`${file} prints exactly its .out`, async () => {
      const script = readFileSync(join(DIR, file), 'utf8')
      const expected = readFileSync(join(DIR, file.replace(/\.sh$/, '.out')), 'utf8')
      const lab = await createLab({ seed: header(script, 'seed') ?? '1', now: header(script, 'now') })
      const actual = formatTranscript(await runTranscript(lab, script))
      expect(actual.split('\n')).toEqual(expected.split('\n'))
    })
  }
})
