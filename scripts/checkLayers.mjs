// `npm run lint` part two: the layering rules of scripts/layers.mjs over the whole tree.
// Usage: node scripts/checkLayers.mjs [ROOT]   (ROOT defaults to the current directory)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import {
  ALLOWED, PURE_DIRS, checkSource, directionProblem, fileNameProblem, findCycles, importsOf, isCheckedFile, isCode,
  resolveImport,
} from './layers.mjs'

const root = process.argv[2] ?? '.'
const SCANNED = ['src', 'scripts', 'e2e', 'tests']

function* walk(dir) {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules') continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) yield* walk(p)
    else yield p
  }
}

const files = SCANNED.flatMap((d) => [...walk(join(root, d))].map((p) => relative(root, p).split(sep).join('/')))
const known = new Set(files)
const text = new Map(files.filter(isCode).map((f) => [f, readFileSync(join(root, f), 'utf8')]))
const problems = { direction: [], purity: [], cycles: [], names: [] }

for (const f of files) {
  const why = fileNameProblem(f, text.get(f) ?? '')
  if (why) problems.names.push(`${f}: ${why}`)
}

const graph = new Map()
for (const [f, src] of text) {
  const edges = new Set()
  graph.set(f, edges)
  for (const { line, spec, typeOnly } of importsOf(src)) {
    const target = resolveImport(f, spec, (p) => known.has(p))
    if (!target) continue
    if (known.has(target) && !typeOnly) edges.add(target)
    const why = directionProblem(f, target)
    if (why) problems.direction.push(`${f}:${line}: ${why}: '${spec}'`)
  }
  if (PURE_DIRS.some((d) => f.startsWith(`${d}/`)) && isCheckedFile(f)) {
    for (const p of checkSource(src)) problems.purity.push(`${f}:${p.line}: ${p.why}: ${p.text}`)
  }
}
for (const cycle of findCycles(graph)) problems.cycles.push(`import cycle: ${cycle.join(' -> ')}`)

const explain = {
  direction: `imports against the direction of the layers (${Object.entries(ALLOWED).map(([k, v]) => `${k} -> ${v.filter((x) => x !== k).join('|') || '-'}`).join('; ')})`,
  purity: `in the pure core (${PURE_DIRS.join(', ')}): no React, zustand or DOM, no wall clock, no timers`,
  cycles: 'import cycles between modules (import type edges are erased and not counted)',
  names: 'file names against CONTRACTS.md "File names": camelCase code, PascalCase components, kebab-case data',
}
let count = 0
for (const [kind, list] of Object.entries(problems)) {
  if (!list.length) continue
  console.error(`${list.length} problem(s): ${explain[kind]}`)
  for (const p of list) console.error(`  ${p}`)
  count += list.length
}
if (count) {
  console.error(`\nlayers: ${count} problem(s) (DESIGN.md "Architecture", CONTRACTS.md "File names")`)
  process.exit(1)
}
console.log(`layers: ok (${text.size} modules, ${files.length} files)`)
