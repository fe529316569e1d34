// The lab's Web Worker: cluster, clock and shell run here, off the page's thread (see
// labServer.ts for the protocol's worker side and workerClient.ts for the page's).
//
// This entry is small and runs at once: it holds the page's first messages while the lab's code
// (labServer.ts and everything under it) loads, and for a seedless lab (`prefetchKey` from the
// built page's <head>, or main.tsx's `prepare`) starts generating the lab's signing key
// meanwhile, so the key is ready when the lab is built.

import { prefetchSigningKey } from '../cluster/serviceaccount/keyPrefetch'
import type { Port } from './labServer'
import type { ToWorker } from './protocol'

const port = self as unknown as Port
const early: { data: ToWorker }[] = []
port.onmessage = (e) => {
  const m = e.data
  // The built page's <head> asks at once (scripts/vite/earlyWorker.ts); main.tsx's `prepare` comes later.
  if (m.kind === 'prefetchKey' || (m.kind === 'prepare' && (m.opts.seed === undefined || m.opts.seed === ''))) prefetchSigningKey()
  if (m.kind !== 'prefetchKey') early.push(e)
}

void import('./labServer').then(({ serveLab }) => {
  // For scripts/bench.mjs: the lab's code has loaded (its start-up, broken down)
  performance.mark('lab-code')
  serveLab(port)
  for (const e of early.splice(0)) port.onmessage?.(e)
})
