// What the terminal says of a URL parameter url.ts ignored: loaded only when there is one, so
// the words are no part of the first screen's script.

import type { UrlProblem } from './url'

const WANT: Record<UrlProblem[0], string> = {
  seed: 'use 1 to 64 letters, digits, dots, dashes or underscores (for example seed=1)',
  now: 'use an ISO-8601 time such as 2026-05-23T23:25:00Z, or milliseconds since 1970',
  lesson: 'use a lesson id of lower-case letters, digits and dashes (for example lesson=article)',
  step: 'use a step number from 1 to 999',
  presenter: 'use presenter=1 or presenter=0',
}

const show = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)

/** One sentence: what was wrong and what is expected. */
export function problemText([name, value, why]: UrlProblem): string {
  return `URL parameter ${name}=${show(value)} ignored: ${why === 'no-such-date' ? 'that date does not exist' : WANT[name]}.`
}
