// Property tests (fast-check): the printers never throw on odd input, and kubectl YAML reads back as the object

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import YAML from 'yaml'
import { toKubectlYaml } from './yaml'
import { toKubectlJson, toServerJson } from './json'
import { runJsonPath } from './jsonpath'
import { formatColumns, formatTabbed } from './tabwriter'
import { podYaml } from './testdata/pod'

// C1 controls, NEL, U+FFFE/FFFF and lone surrogates are changed or refused on kubectl's JSON -> YAML trip.
// So are U+2028 and U+2029: go-yaml takes them for line breaks and writes the next line's indentation
// after them inside a quoted scalar (kubectl 1.33: current-context "\u2028!" prints as '\u2028  !'),
// which a YAML 1.2 parser reads back with the spaces.
const safeString = fc
  .string({ unit: 'binary', maxLength: 120 })
  .map((s) => s.replace(/[\u007f-\u009f\u2028\u2029\ufffe\uffff\ud800-\udfff]/g, 'x'))
const key = safeString.filter((k) => k !== '__proto__')
const value = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    safeString,
    fc.constantFrom('true', 'y', 'null', '~', '1e3', '0x1F', '2026-11-29T15:31:57Z', '- a', 'a: b', ' x', 'x\n', '\n\nx'),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4 }),
  ),
})).json

describe('printer properties', () => {
  it('toKubectlYaml output parses back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (obj) => {
        const plain = JSON.parse(JSON.stringify(obj))
        expect(YAML.parse(toKubectlYaml(obj), { version: '1.1', schema: 'yaml-1.1', merge: false })).toEqual(plain)
      }),
      { numRuns: 300 },
    )
  })

  it('JSON printers round-trip', () => {
    fc.assert(
      fc.property(value, (v) => {
        const plain = JSON.parse(JSON.stringify(v))
        expect(JSON.parse(toKubectlJson(v))).toEqual(plain)
        expect(JSON.parse(toServerJson(v, true))).toEqual(plain)
        expect(JSON.parse(toServerJson(v, false))).toEqual(plain)
      }),
      { numRuns: 300 },
    )
  })

  it('runJsonPath answers any template with text or an error, never a throw', () => {
    const pod = YAML.parse(podYaml)
    const chars = fc.constantFrom(...'{}[]().,*@$?=!<>:\'"\\ -0123456789abnrstx'.split(''), 'range', 'end', '..', '[?(@.')
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const r = runJsonPath(parts.join(''), pod)
        expect(typeof (r.ok ? r.text : r.error)).toBe('string')
      }),
      { numRuns: 2000 },
    )
  })

  it('the tab writers accept any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 5 }), { maxLength: 5 }), fc.string(), (rows, text) => {
        expect(typeof formatColumns(rows)).toBe('string')
        expect(formatTabbed(text).replace(/ /g, '')).toBe(text.replace(/[ \t\v]/g, '').replace(/\f/g, '\n'))
      }),
    )
  })
})
