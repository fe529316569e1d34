// client-go's warning handling (rest/warnings.go): 299 warn-values only, escaped quotes undone, each text
// printed once per command as `Warning: <text>`.

import { describe, expect, it } from 'vitest'
import { WarningWriter, parseWarningHeader } from './warnings'

describe('Warning headers', () => {
  it('parses several warn-values, with or without a date', () => {
    expect(parseWarningHeader('299 - "a, b", 299 - "say \\"hi\\"" "Sat, 05 Dec 2026 10:00:00 GMT", 199 host "misc"')).toEqual([
      { code: 299, text: 'a, b' }, { code: 299, text: 'say "hi"' }, { code: 199, text: 'misc' },
    ])
  })
  it('prints 299 texts once each, other codes never', () => {
    const out: string[] = []
    const w = new WarningWriter((t) => out.push(t))
    w.handle('299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"')
    w.handle('299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice", 199 - "other"')
    w.handle(undefined)
    expect(out).toEqual(['Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n'])
  })
})
