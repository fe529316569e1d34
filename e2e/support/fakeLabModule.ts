// Stand-in for src/app/lab.ts while the real lab is being written (used only by
// e2e/support/fake-lab-server.mjs, never by the build): the echo lab of src/state/testing.ts.

import { createFakeLab } from '../../src/state/testing'

export async function createLab(opts: { seed?: string | number; now?: string | number; state?: unknown } = {}) {
  const state = opts.state as { seed?: string; nowMs?: number } | undefined
  const lab = createFakeLab({ seed: state?.seed ?? (opts.seed === undefined ? undefined : String(opts.seed)) })
  if (state) await lab.restore(state)
  else if (opts.now !== undefined) await lab.restore({ ...lab.snapshot(), nowMs: typeof opts.now === 'number' ? opts.now : Date.parse(opts.now) })
  return lab
}
