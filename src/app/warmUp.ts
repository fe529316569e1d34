// The worker's warm-up. The first time a command runs, most of the code it goes through has never
// run in this worker: the engine compiles each function as it is first called and runs it
// unoptimised, so the article's commands took 20 to 65 ms from the Enter key to their output the
// first time and 5 to 10 ms the next (measured in the page, scripts/benchTyping.mjs). Once the
// page has finished starting (it says so: `warmUp` in protocol.ts), the worker therefore runs the
// article lesson's solution, the commands students type most, in a lab of its own that nobody
// sees: nothing of it is shown, saved or kept, and the student's lab is not touched. The
// student's own commands go first: each warm-up command waits until none is running.

import { article } from '../lessons/article'

/** What the warm-up types into: the lab itself, or (in the worker) the lab behind a LabHost of its own. */
export interface WarmUpTarget {
  run(line: string): Promise<unknown>
}

const SOLUTION = article.steps.flatMap((s) => s.solution)
/** The solution up to its pod running (the lines before the first that looks inside the pod). */
const SET_UP = SOLUTION.slice(0, SOLUTION.findIndex((l) => / exec /.test(l)))
/** Then the lines that look at the running pod, until the solution deletes it: cheap once warm, so repeated. */
const LOOKS = SOLUTION.slice(SET_UP.length, SOLUTION.findIndex((l) => / delete /.test(l)))
const ROUNDS = 8

/**
 * The lines the warm-up runs, in order: the article lesson's whole solution once (every path it
 * takes, compiled), then, in a fresh lab with its pod running, the lines that only look, eight
 * times: the engine optimises a function once it has run often enough, and these paths (shell,
 * kubectl, the API server, exec in a pod) are the ones every command shares.
 */
export const WARM_UP_LINES: readonly string[] = [...SOLUTION, 'lab reset', ...SET_UP, ...Array.from({ length: ROUNDS }, () => LOOKS).flat()]

/** The throwaway lab's seed (a seeded lab signs with the fixed key: no key is generated for it). */
export const WARM_UP_SEED = 'warm-up'

/**
 * Run WARM_UP_LINES in the lab `make` builds, each once `idle` resolves (the student's commands
 * first). A line that fails is only a line less warmed; the warm-up never throws.
 */
export async function warmUp(make: () => Promise<WarmUpTarget>, idle: () => Promise<void>, lines: readonly string[] = WARM_UP_LINES): Promise<void> {
  try {
    await idle()
    const lab = await make()
    for (const line of lines) {
      await idle()
      await lab.run(line).catch(() => undefined)
    }
  } catch {
    // no warm-up: the student's commands warm the code up themselves
  }
}
