// Go's encoding/json syntax errors, each expected line traced by hand through scanner.go's state
// machine (its states, their contexts and quoteChar; eof steps one space, so a cut literal or number
// names the space).
import { describe, expect, it } from 'vitest'
import { goJsonSyntaxError } from './goJson'

const CASES: [string, string | undefined][] = [
  ['{"a":[1,2.5e-3,-0,true,false,null,"x\\u00e9\\n"]}', undefined],
  ['  [ ]  ', undefined],
  ['', 'unexpected end of JSON input'],
  ['{', 'unexpected end of JSON input'],
  ['{"a":1', 'unexpected end of JSON input'],
  ['{"a":"b', 'unexpected end of JSON input'],
  ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
  ['{"a" 1}', "invalid character '1' after object key"],
  ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
  ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
  ['[1 2]', "invalid character '2' after array element"],
  ['[1,]', "invalid character ']' looking for beginning of value"],
  ['{"a":1}}', "invalid character '}' after top-level value"],
  ['01', "invalid character '1' after top-level value"],
  ['tru', "invalid character ' ' in literal true (expecting 'e')"],
  ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
  ['fals', "invalid character ' ' in literal false (expecting 'e')"],
  ['nul', "invalid character ' ' in literal null (expecting 'l')"],
  ['nil', "invalid character 'i' in literal null (expecting 'u')"],
  ['1.', "invalid character ' ' after decimal point in numeric literal"],
  ['-', "invalid character ' ' in numeric literal"],
  ['-a', "invalid character 'a' in numeric literal"],
  ['1e', "invalid character ' ' in exponent of numeric literal"],
  ['1e+x', "invalid character 'x' in exponent of numeric literal"],
  ['"a\u0001"', "invalid character '\\x01' in string literal"],
  ['"a\tb"', "invalid character '\\t' in string literal"],
  ['"\\q"', "invalid character 'q' in string escape code"],
  ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
  ["'a'", "invalid character '\\'' looking for beginning of value"],
  ['{"a":\'b\'}', "invalid character '\\'' looking for beginning of value"],
]

describe("Go's JSON syntax errors", () => {
  for (const [text, expected] of CASES) {
    it(JSON.stringify(text), () => {
      expect(goJsonSyntaxError(text)).toBe(expected)
    })
  }
})
