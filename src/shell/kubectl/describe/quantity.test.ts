// resource.Quantity sums as describe prints them. The sums of the first cases are those kubectl 1.33
// printed for the pods of describeNode.oracle.test.ts; the rest are quantity.go's canonical forms.
import { describe, expect, it } from 'vitest'
import { addQuantity, formatQuantity, parseQuantity, ZERO, type Quantity } from './quantity'

const sum = (...xs: string[]) => formatQuantity(xs.map((x) => parseQuantity(x) as Quantity).reduce(addQuantity, ZERO))

describe('resource.Quantity', () => {
  it.each([
    [['100m', '100m'], '200m'],
    [['1', '1', '100m', '100m'], '2200m'],
    [['3', '100m', '100m'], '3200m'],
    [['1500m', '1500m'], '3'],
    [['64Mi', '64Mi'], '128Mi'],
    [['1Gi', '1Gi', '64Mi', '64Mi'], '2176Mi'],
    [['1.5Gi', '1.5Gi', '128Mi', '128Mi'], '3328Mi'],
    [['1Gi', '1Gi'], '2Gi'],
    [['4015252Ki'], '4015252Ki'],
    [['1024Ki'], '1Mi'],
    [['512'], '512'],
    [['2000'], '2k'],
    [['0.5'], '500m'],
    [['1e3'], '1e3'],
    [['1.5e3'], '1500'],
    [['100M', '100M'], '200M'],
    [['0'], '0'],
    [['1e30'], '1e30'],
  ])('%j adds up to %s', (xs, want) => {
    expect(sum(...xs)).toBe(want)
  })
  it('refuses what is no quantity', () => {
    for (const bad of ['', 'x', '1Z', '1.2.3', 'Mi']) expect(parseQuantity(bad)).toBeUndefined()
    // a power or a length no resource needs is taken as none rather than computed (1e100000000 would not end)
    for (const huge of ['1e100000000', '1e999999999', `${'9'.repeat(41)}`]) expect(parseQuantity(huge)).toBeUndefined()
  })
})
