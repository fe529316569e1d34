import { Kubelet } from './kubelet'
import { createSigner } from '../serviceaccount/signer'
import { T0, makeContext, podObject, seedCluster } from './testing'
const ctx = makeContext('year')
seedCluster(ctx)
const signer = await createSigner({ deterministic: true })
new Kubelet(ctx, signer, ctx.config.nodes[0])
for (let i = 0; i < 50; i++) ctx.store.create('pods', podObject(ctx, { name: `p${i}` }))
await ctx.runDue(T0 + 10_000)
const t = performance.now()
const ran = await ctx.runDue(T0 + 60 * 24 * 3600_000)
console.log(ran, (performance.now() - t) / ran * 1000, 'us/item')
