// The lab's Web Worker: cluster, clock and shell run here, off the page's thread (see
// labServer.ts for the protocol's worker side and workerClient.ts for the page's).
//
// This entry is small and runs at once: it holds the page's first messages while the lab's code
// (labServer.ts and everything under it) loads. For a seedless lab the signing key is made
// meanwhile, so that it is ready when the lab is built: the built page's <head> generates it
// (`prefetchKey` from the page, then `signingKey`), or, in the dev server's page, this worker
// does on main.tsx's `prepare`.

import { expectSigningKey, prefetchSigningKey, receiveSigningKey } from '../cluster/serviceaccount/keyPrefetch'
import type { Port } from './labServer'
import type { ToWorker } from './protocol'

/** How long the worker waits for the page's key before it generates its own. */
const PAGE_KEY_WAIT_MS = 10_000
const port = self as unknown as Port
const early: { data: ToWorker }[] = []
port.onmessage = (e) => {
  const m = e.data
  // The built page's <head> generates the key and says so at once (scripts/vite/earlyWorker.ts);
  // main.tsx's `prepare` comes later.
  if (m.kind === 'prefetchKey' && m.fromPage) {
    expectSigningKey()
    // a key that never comes must not hold the lab's start for ever: then this worker makes one
    setTimeout(() => receiveSigningKey(undefined), PAGE_KEY_WAIT_MS)
  } else if (m.kind === 'prefetchKey' || (m.kind === 'prepare' && (m.opts.seed === undefined || m.opts.seed === ''))) prefetchSigningKey()
  if (m.kind === 'signingKey') receiveSigningKey(m.key)
  else if (m.kind !== 'prefetchKey') early.push(e)
}

void import('./labServer').then(({ serveLab }) => {
  // For scripts/bench.mjs: the lab's code has loaded (its start-up, broken down)
  performance.mark('lab-code')
  serveLab(port)
  for (const e of early.splice(0)) port.onmessage?.(e)
})
