// A fresh lab made ahead of the start message (worker side). The page tells the worker the URL's
// seed and now as soon as it has spawned it (main.tsx, `prepare`), so the cluster is built while
// the page still renders and loads its start-up code; the start then takes that lab if it asked
// for the same fresh lab, and makes its own otherwise (a saved lab to restore, a shared session).

import type { Lab, LabOptions } from './labTypes'

/** What a `prepare` message carries: the URL's seed and start time. */
export type PrepareOptions = Pick<LabOptions, 'seed' | 'now'>

let prepared: { key: string; lab: Promise<Lab> } | undefined

/** The fresh lab these options ask for (undefined: not a fresh lab). Seeds compare as text, as createLab reads them. */
function keyOf(o: LabOptions): string | undefined {
  if (o.state !== undefined) return undefined
  const seed = o.seed === undefined || o.seed === '' ? '' : `s${String(o.seed)}`
  const now = o.now === undefined || o.now === '' ? '' : `${typeof o.now}:${String(o.now)}`
  return JSON.stringify([seed, now])
}

/** Start making the fresh lab `opts` asks for, with `create` (the worker's own lab factory). */
export function prepareLab(opts: PrepareOptions, create: (o: LabOptions) => Promise<Lab>): void {
  const o: LabOptions = {}
  if (opts.seed !== undefined) o.seed = opts.seed
  if (opts.now !== undefined) o.now = opts.now
  const key = keyOf(o)
  if (key === undefined) return
  const lab = create(o)
  // Not taken (a saved lab was restored instead): its failure is nobody's business.
  lab.catch(() => {})
  prepared = { key, lab }
}

/**
 * The prepared lab if `opts` asks for that same fresh lab; undefined otherwise. Either way the
 * prepared lab is given out at most once (the next start, after a restart, makes its own).
 */
export function takePreparedLab(opts: LabOptions): Promise<Lab> | undefined {
  const p = prepared
  prepared = undefined
  if (p === undefined || keyOf(opts) !== p.key) return undefined
  return p.lab
}
