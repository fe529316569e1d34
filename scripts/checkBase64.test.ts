import { describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without types
import { checkBase64Source, isExempt } from './checkBase64.mjs'

const why = (src: string) => (checkBase64Source(src) as { why: string }[]).map((p) => p.why)

describe('the base64 check', () => {
  it('finds hand-written alphabets and Node base64 encodings', () => {
    expect(why("const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'")).toEqual(['a hand-written base64 alphabet'])
    expect(why("x.toString('base64url')")).toEqual(["Node's .toString('base64')"])
    expect(why('Buffer.from(s, "base64")')).toEqual(["Node's Buffer.from(..., 'base64')"])
  })
  it('leaves the shell command named base64 and ordinary code alone', () => {
    expect(why("usageError(ctx, 'base64', p.error)\nname: 'base64',\nconst s = encodeBase64Text(x)")).toEqual([])
  })
  it('exempts src/common, tests and test support', () => {
    expect([isExempt('src/common/base64.ts'), isExempt('src/jwt/jwt.test.ts'), isExempt('src/cluster/apiserver/testing.ts'), isExempt('src/shell/kubectl/testing/fake.ts')]).toEqual([true, true, true, true])
    expect([isExempt('src/jwt/text.ts'), isExempt('src/state/testingTools.ts')]).toEqual([false, false])
  })
})
