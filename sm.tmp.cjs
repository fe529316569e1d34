const { SourceMapConsumer } = require('source-map-js')
const fs = require('fs'); const zlib = require('zlib')
const f = process.argv[2]
const code = fs.readFileSync(f, 'utf8'); const map = JSON.parse(fs.readFileSync(f + '.map', 'utf8'))
const c = new SourceMapConsumer(map)
const lines = code.split('\n'); const bySrc = {}
let prev = null
c.eachMapping(m => { if (prev) { const src = prev.source || '?'; if (prev.generatedLine === m.generatedLine) { const s = lines[prev.generatedLine-1].slice(prev.generatedColumn, m.generatedColumn); bySrc[src] = (bySrc[src] || '') + s } } prev = m })
const rows = Object.entries(bySrc).map(([k, v]) => [k.replace(/.*node_modules\//, 'nm/').replace(/.*\/src\//, 'src/'), v.length, zlib.gzipSync(v, { level: 9 }).length]).sort((a, b) => b[1] - a[1])
for (const r of rows.slice(0, 40)) console.log(String(r[1]).padStart(7), String(r[2]).padStart(6), r[0])
