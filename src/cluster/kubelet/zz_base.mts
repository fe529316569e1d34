import { T0, makeContext } from './testing'
const ctx = makeContext('base')
ctx.onWork('x', (d) => { ctx.clock.schedule(ctx.clock.now() + 2880_000 + (Number(d.i) % 10) * 1000, 'x', { node: 'worker-0', uid: 'abcdefab-1234-4123-8123-abcdefabcdef', id: 'abcdefab-1234-4123-8123-abcdefabcdef/kube-api-access-abcde/token' }) })
for (let i = 0; i < 50; i++) ctx.clock.schedule(T0 + i, 'x', { i })
const t = performance.now()
const ran = await ctx.runDue(T0 + 60 * 24 * 3600_000)
console.log('baseline', ran, (performance.now() - t) / ran * 1000, 'us/item')
