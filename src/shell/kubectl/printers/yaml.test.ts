import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { toKubectlYaml } from './yaml'
import { sortYamlKeys, canUsePlain, isYamlTimestamp } from './yamlResolve'
import { podYaml } from './testdata/pod'
import { dryRunPodYaml } from './testdata/dryRunPod'
import { namespaceActiveYaml } from './testdata/namespaceActive'
import { namespaceTerminatingYaml } from './testdata/namespaceTerminating'
import { serviceaccountYaml } from './testdata/serviceaccount'
import { configmapRootCaYaml } from './testdata/configmapRootCa'
import { nodeYaml } from './testdata/node'
import { secretTokenYaml } from './testdata/secretToken'
import { eventsYaml } from './testdata/events'

// Each expected text was printed by a real kubectl; parsing it gives the object, printing must give it back.
const fixtures: Record<string, string> = {
  'pod (1b)': podYaml,
  'dry-run pod (1a)': dryRunPodYaml,
  'namespace active (2a)': namespaceActiveYaml,
  'namespace terminating (2b)': namespaceTerminatingYaml,
  'serviceaccount (3)': serviceaccountYaml,
  'kube-root-ca.crt (4)': configmapRootCaYaml,
  'node (5)': nodeYaml,
  'token secret (6)': secretTokenYaml,
  'events list (7)': eventsYaml,
}

describe('toKubectlYaml on the reference objects', () => {
  for (const [name, text] of Object.entries(fixtures)) {
    it(`prints ${name} exactly as kubectl`, () => {
      expect(toKubectlYaml(YAML.parse(text))).toBe(text)
    })
  }

  it('sorts keys whatever order the object has', () => {
    const obj = YAML.parse(namespaceActiveYaml) as Record<string, unknown>
    const reversed = Object.fromEntries(Object.entries(obj).reverse())
    expect(toKubectlYaml(reversed)).toBe(namespaceActiveYaml)
  })

  it('folds the kube-root-ca.crt description over four lines', () => {
    const out = toKubectlYaml(YAML.parse(configmapRootCaYaml))
    expect(out).toContain(
      '    kubernetes.io/description: Contains a CA bundle that can be used to verify the\n' +
        '      kube-apiserver when using internal endpoints such as the internal service IP\n' +
        '      or kubernetes.default.svc. No other usage is guaranteed across distributions\n' +
        '      of Kubernetes clusters.\n',
    )
  })
})

describe('go-yaml v2 scalar styles', () => {
  const y = (v: unknown) => toKubectlYaml({ k: v })
  it.each([
    ['100000', 'k: "100000"\n'],
    ['True', 'k: "True"\n'],
    ['y', 'k: "y"\n'],
    ['on', 'k: "on"\n'],
    ['~', 'k: "~"\n'],
    ['', 'k: ""\n'],
    ['1e3', 'k: "1e3"\n'],
    ['0x1F', 'k: "0x1F"\n'],
    ['1_000', 'k: "1_000"\n'],
    ['1:30', 'k: "1:30"\n'],
    ['.5', 'k: ".5"\n'],
    ['2026-11-29T15:31:57Z', 'k: "2026-11-29T15:31:57Z"\n'],
    ['2024-13-02', 'k: 2024-13-02\n'],
    ['10.244.1.0/24', 'k: 10.244.1.0/24\n'],
    ['16281364Ki', 'k: 16281364Ki\n'],
    ['containerd://abc', 'k: containerd://abc\n'],
    ['a: b', "k: 'a: b'\n"],
    ['a:b', 'k: a:b\n'],
    ['- a', "k: '- a'\n"],
    ['#x', "k: '#x'\n"],
    ['a #b', "k: 'a #b'\n"],
    ["'q'", "k: '''q'''\n"],
    [' lead', "k: ' lead'\n"],
    ['tab\there', 'k: "tab\\there"\n'],
    ['emoji 😀', 'k: "emoji \\U0001F600"\n'],
    ['multi\nline', 'k: |-\n  multi\n  line\n'],
    ['multi\nline\n', 'k: |\n  multi\n  line\n'],
    ['x\n\n', 'k: |+\n  x\n\n'],
    ['  indented\nx', 'k: |2-\n    indented\n  x\n'],
  ])('%j', (value, expected) => {
    expect(y(value)).toBe(expected)
  })

  it('prints numbers, booleans, null and empty collections', () => {
    expect(toKubectlYaml({ a: 1, b: 1.5, c: true, d: null, e: {}, f: [], g: 1234567.5, h: 1e-7 })).toBe(
      'a: 1\nb: 1.5\nc: true\nd: null\ne: {}\nf: []\ng: 1.2345675e+06\nh: 1e-07\n',
    )
  })

  it('writes list items at the parent key indentation, nested lists indented', () => {
    expect(toKubectlYaml({ a: [{ b: 1, c: [1, 2] }, [3, 4]] })).toBe('a:\n- b: 1\n  c:\n  - 1\n  - 2\n- - 3\n  - 4\n')
  })

  it('uses a complex key for keys over 128 bytes', () => {
    const key = 'k'.repeat(130)
    expect(toKubectlYaml({ [key]: 'v' })).toBe(`? ${key}\n: v\n`)
  })

  it('quotes keys that would resolve to another type', () => {
    expect(toKubectlYaml({ n: 1, y: 2, '10': 3 })).toBe('"10": 3\n"n": 1\n"y": 2\n')
  })
})

describe('go-yaml v2 key order (sorter.go)', () => {
  it('compares digit runs as numbers and puts non-letters first', () => {
    expect(sortYamlKeys(['a10', 'a2', 'aB', 'a_b', 'A.x', 'b', 'é'])).toEqual(['A.x', 'a_b', 'a2', 'a10', 'aB', 'b', 'é'])
  })
  it('orders pod keys as kubectl does', () => {
    expect(sortYamlKeys(['status', 'spec', 'metadata', 'kind', 'apiVersion'])).toEqual([
      'apiVersion', 'kind', 'metadata', 'spec', 'status',
    ])
  })
})

describe('implicit typing', () => {
  it('recognises the timestamp layouts go-yaml accepts', () => {
    expect(isYamlTimestamp('2026-11-29T15:31:57Z')).toBe(true)
    expect(isYamlTimestamp('2024-1-2T3:4:5+01:00')).toBe(true)
    expect(isYamlTimestamp('2001-12-14 21:59:43.10')).toBe(true)
    expect(isYamlTimestamp('2024-02-29')).toBe(true)
    expect(isYamlTimestamp('2023-02-29')).toBe(false)
    expect(isYamlTimestamp('2024-01-02T03:04:05')).toBe(false)
  })
  it('lets plain strings stay plain', () => {
    expect(canUsePlain('sa-demo')).toBe(true)
    expect(canUsePlain('<<')).toBe(true)
    expect(canUsePlain('null')).toBe(false)
  })
})
