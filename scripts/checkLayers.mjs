// `npm run lint` part two: fail when the pure core breaks the layering rule (see layers.mjs).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { PURE_DIRS, checkSource, isCheckedFile } from './layers.mjs'

function* walk(dir) {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) yield* walk(p)
    else yield p
  }
}

let count = 0
for (const dir of PURE_DIRS) {
  for (const file of walk(dir)) {
    if (!isCheckedFile(file)) continue
    for (const p of checkSource(readFileSync(file, 'utf8'))) {
      console.error(`${file}:${p.line}: ${p.why}: ${p.text}`)
      count++
    }
  }
}
if (count) {
  console.error(`\n${count} layering problem(s): src/cluster, src/shell, src/jwt and src/lessons may not import React, zustand or the DOM, read the wall clock or use timers (DESIGN.md).`)
  process.exit(1)
}
console.log('layers: ok')
