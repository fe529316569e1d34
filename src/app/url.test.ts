import { describe, expect, it } from 'vitest'
import { parseUrlParams } from './url'
import { problemText } from './urlProblems'

describe('URL parameters', () => {
  it('parses every parameter', () => {
    expect(parseUrlParams('?seed=1&now=2026-05-23T23:25:00Z&lesson=article&step=3&presenter=1')).toEqual({
      seed: '1',
      now: '2026-05-23T23:25:00Z',
      lesson: 'article',
      step: 3,
      presenter: true,
      problems: [],
    })
  })

  it('takes milliseconds for now', () => {
    expect(parseUrlParams('?now=1779578851000').now).toBe(1779578851000)
  })

  it('reports and ignores bad values', () => {
    const p = parseUrlParams('?seed=a%20b&now=yesterday&step=0&lesson=..%2Fx&presenter=maybe')
    expect(p).toMatchObject({ presenter: false })
    expect(p.seed).toBeUndefined()
    expect(p.now).toBeUndefined()
    expect(p.step).toBeUndefined()
    expect(p.lesson).toBeUndefined()
    expect(p.problems).toHaveLength(5)
    expect(p.problems.map(problemText)).toEqual([
      'URL parameter seed="a b" ignored: use 1 to 64 letters, digits, dots, dashes or underscores (for example seed=1).',
      'URL parameter now="yesterday" ignored: use an ISO-8601 time such as 2026-05-23T23:25:00Z, or milliseconds since 1970.',
      'URL parameter lesson="../x" ignored: use a lesson id of lower-case letters, digits and dashes (for example lesson=article).',
      'URL parameter step="0" ignored: use a step number from 1 to 999.',
      'URL parameter presenter="maybe" ignored: use presenter=1 or presenter=0.',
    ])
  })

  it('rejects dates that do not exist', () => {
    expect(parseUrlParams('?now=2026-02-31T00:00:00Z').problems.map(problemText)).toEqual([
      'URL parameter now="2026-02-31T00:00:00Z" ignored: that date does not exist.',
    ])
    expect(parseUrlParams('?now=2026-13-01').now).toBeUndefined()
    expect(parseUrlParams('?now=2026-05-23').now).toBe('2026-05-23')
  })

  it('is empty without parameters', () => {
    expect(parseUrlParams('')).toEqual({ presenter: false, problems: [] })
  })
})
