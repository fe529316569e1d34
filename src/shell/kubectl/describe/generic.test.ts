// The generic describer's field names: camelcase.Split's examples (github.com/fatih/camelcase README)
// and smartLabelFor's words (describe.go); the describer itself is checked against the real kubectl
// in describeNode.oracle.test.ts.
import { describe, expect, it } from 'vitest'
import { camelSplit, smartLabelFor } from './generic'

describe('camelcase.Split', () => {
  it.each([
    ['', []],
    ['lowercase', ['lowercase']],
    ['Class', ['Class']],
    ['MyClass', ['My', 'Class']],
    ['MyC', ['My', 'C']],
    ['HTML', ['HTML']],
    ['PDFLoader', ['PDF', 'Loader']],
    ['AString', ['A', 'String']],
    ['SimpleXMLParser', ['Simple', 'XML', 'Parser']],
    ['vimRPCPlugin', ['vim', 'RPC', 'Plugin']],
    ['GL11Version', ['GL', '11', 'Version']],
    ['99Bottles', ['99', 'Bottles']],
    ['May5', ['May', '5']],
    ['BFG9000', ['BFG', '9000']],
    ['BöseÜberraschung', ['Böse', 'Überraschung']],
    ['Two  spaces', ['Two', '  ', 'spaces']],
  ])('%s', (word, parts) => {
    expect(camelSplit(word)).toEqual(parts)
  })
})

describe('smartLabelFor', () => {
  it.each([
    ['apiVersion', 'API Version'],
    ['uid', 'UID'],
    ['holderIdentity', 'Holder Identity'],
    ['leaseDurationSeconds', 'Lease Duration Seconds'],
    ['podIP', 'Pod Ip'],
    ['ca.crt', 'ca.crt'],
    ['x509', 'x509'],
  ])('%s -> %s', (field, label) => {
    expect(smartLabelFor(field)).toBe(label)
  })
})
