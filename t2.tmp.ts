import { createLab } from '/work/main/src/app/lab'
const lab = await createLab({ seed: '1' } as any)
const lines = process.argv.slice(2)
for (const l of lines) { const r = await lab.run(l); console.log('$ ' + l); process.stdout.write(r.stdout); process.stdout.write(r.stderr ? '[stderr] ' + r.stderr : ''); console.log('[exit ' + r.exitCode + ']') }
