// kubectl get --sort-by (kubectl pkg/cmd/get/sorter.go, v0.35): a field that is there but null sorts
// before every value (isLess: a nil interface is less than anything), as a missing one does; equal
// keys keep their order (sort.Sort's insertion sort for a short list); numbers compare as numbers.
import { describe, expect, it } from 'vitest'
import { sortFound } from './getSort'
import { KubectlError } from '../errors'

const ev = (reason: string, lastTimestamp: string | null) => ({ obj: { reason, lastTimestamp } })

describe('--sort-by', () => {
  it("puts an event whose lastTimestamp is null (the scheduler's) first", () => {
    const found = [ev('Scheduled', null), ev('Pulling', '2026-05-23T23:27:31Z'), ev('Created', '2026-05-23T23:27:34Z'), ev('Started', '2026-05-23T23:27:34Z'), ev('Pulled', '2026-05-23T23:27:33Z')]
    const sorted = sortFound([...found].reverse(), '.lastTimestamp').map((f) => f.obj.reason)
    expect(sorted).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Started', 'Created'])
  })

  it('compares numbers as numbers, and says so when no object has the field', () => {
    const n = (v: number) => ({ obj: { spec: { replicas: v } } })
    expect(sortFound([n(10), n(9), n(100)], '.spec.replicas').map((f) => f.obj.spec.replicas)).toEqual([9, 10, 100])
    expect(() => sortFound([n(1), n(2)], '.spec.nope')).toThrow(KubectlError)
    // a field present but null in every object is still a field kubectl found
    expect(sortFound([ev('a', null), ev('b', null)], '.lastTimestamp').map((f) => f.obj.reason)).toEqual(['a', 'b'])
  })
})
