import { createLab } from '../src/app/lab'
const lab = await createLab({ seed: 1 })
for (const line of process.argv.slice(2)) {
  const r = await lab.run(line)
  console.log(`$ ${line}\n${r.stdout}${r.stderr}[exit ${r.exitCode}]`)
}
