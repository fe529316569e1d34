import { Random } from '../random'
const r = Random.fromSeed('x')
let t = performance.now()
for (let i = 0; i < 200000; i++) r.uuid()
console.log('uuid us', (performance.now() - t) / 200)
t = performance.now()
const o = { node: 'worker-0', uid: 'abc', key: 'x'.repeat(150) }
for (let i = 0; i < 200000; i++) structuredClone(o)
console.log('clone us', (performance.now() - t) / 200)
t = performance.now()
for (let i = 0; i < 200000; i++) new Date(1e12 + i * 1000).toISOString()
console.log('iso us', (performance.now() - t) / 200)
