// URL parameters of the lab page: ?seed=1&now=2026-05-23T23:25:00Z&lesson=article&step=3&presenter=1
// Each value is checked; a bad one is reported (in `problems`, worded by urlProblems.ts and shown
// in the terminal) and ignored.

import { parseTime } from '../common/time'

export interface UrlParams {
  /** Deterministic mode: the same seed and commands give byte-identical output. */
  seed?: string
  /** Lab start time: ISO-8601 text, or milliseconds since the epoch (as a number). */
  now?: string | number
  /** Lesson to open (parsed and exposed; the lessons come in a later issue). */
  lesson?: string
  /** Step of the lesson, from 1. */
  step?: number
  /** Presenter mode (large type, high contrast); parsed and exposed for now. */
  presenter: boolean
  /** Each rejected value: the parameter, its value, and what was wrong (urlProblems.ts words it). */
  problems: UrlProblem[]
}

/** What was wrong with a parameter's value (urlProblems.ts says it to the user). */
export type UrlProblem = [name: 'seed' | 'now' | 'lesson' | 'step' | 'presenter', value: string, why: 'form' | 'no-such-date']

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/
const MAX_MS = Date.UTC(9999, 11, 31)

/** 2026-02-31 parses (as March 3) in JavaScript; a calendar would not have it. */
function realDay(iso: string): boolean {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search)
  const out: UrlParams = { presenter: false, problems: [] }
  const bad = (name: UrlProblem[0], value: string, why: UrlProblem[2] = 'form') => out.problems.push([name, value, why])

  const seed = q.get('seed')
  if (seed !== null) {
    if (/^[A-Za-z0-9._-]{1,64}$/.test(seed)) out.seed = seed
    else bad('seed', seed)
  }

  const now = q.get('now')
  if (now !== null) {
    if (/^\d{1,15}$/.test(now) && Number(now) <= MAX_MS) out.now = Number(now)
    else if (ISO.test(now)) {
      const ms = parseTime(now)
      if (Number.isNaN(ms) || !realDay(now)) bad('now', now, 'no-such-date')
      else out.now = now
    } else bad('now', now)
  }

  const lesson = q.get('lesson')
  if (lesson !== null) {
    if (/^[a-z0-9][a-z0-9-]{0,63}$/.test(lesson)) out.lesson = lesson
    else bad('lesson', lesson)
  }

  const step = q.get('step')
  if (step !== null) {
    if (/^[1-9]\d{0,2}$/.test(step)) out.step = Number(step)
    else bad('step', step)
  }

  const presenter = q.get('presenter')
  if (presenter !== null) {
    const v = presenter.toLowerCase()
    if (['', '1', 'true', 'on', 'yes'].includes(v)) out.presenter = true
    else if (['0', 'false', 'off', 'no'].includes(v)) out.presenter = false
    else bad('presenter', presenter)
  }

  return out
}
