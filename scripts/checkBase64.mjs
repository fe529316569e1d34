// `npm run lint` part three: base64 has one home, src/common/base64.ts (DESIGN.md). oxlint bans
// atob, btoa and Buffer outside it (.oxlintrc.json); this finds what oxlint cannot: a hand-written
// base64 alphabet, or Node's base64 encodings named as strings, in code that is not a test.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const PATTERNS = [
  { re: /ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/, why: 'a hand-written base64 alphabet' },
  { re: /\.toString\(\s*['"]base64(url)?['"]\s*\)/, why: "Node's .toString('base64')" },
  { re: /,\s*['"]base64(url)?['"]\s*\)/, why: "Node's Buffer.from(..., 'base64')" },
]

/** Test files and test support may use Node's Buffer to check the lab against it. */
export const isExempt = (file) => /^src[\\/]common[\\/]/.test(file) || /\.test\.tsx?$/.test(file) || /(^|[\\/])testing(\.ts$|[\\/])/.test(file)

/** The problems in one file's text: `{ line, why, text }`. */
export function checkBase64Source(src) {
  const out = []
  src.split('\n').forEach((text, i) => {
    for (const p of PATTERNS) if (p.re.test(text)) out.push({ line: i + 1, why: p.why, text: text.trim() })
  })
  return out
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) yield* walk(p)
    else if (/\.(ts|tsx|mjs)$/.test(p)) yield p
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let count = 0
  for (const file of walk('src')) {
    if (isExempt(file)) continue
    for (const p of checkBase64Source(readFileSync(file, 'utf8'))) {
      console.error(`${file}:${p.line}: ${p.why}: ${p.text}`)
      count++
    }
  }
  if (count) {
    console.error(`\n${count} base64 problem(s): use src/common/base64.ts (DESIGN.md: one home for each concern).`)
    process.exit(1)
  }
  console.log('base64: ok')
}
