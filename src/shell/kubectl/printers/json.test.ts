import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { goJsonString, toKubectlJson, toServerJson } from './json'
import { namespaceActiveYaml } from './testdata/namespaceActive'

describe('toKubectlJson (kubectl get -o json)', () => {
  it('sorts keys, indents with 4 spaces and ends with a newline', () => {
    const ns = YAML.parse(namespaceActiveYaml)
    const reordered = { status: ns.status, spec: ns.spec, metadata: ns.metadata, kind: ns.kind, apiVersion: ns.apiVersion }
    expect(toKubectlJson(reordered)).toBe(
      [
        '{',
        '    "apiVersion": "v1",',
        '    "kind": "Namespace",',
        '    "metadata": {',
        '        "creationTimestamp": "2026-11-29T15:26:57Z",',
        '        "labels": {',
        '            "kubernetes.io/metadata.name": "sa-demo"',
        '        },',
        '        "name": "sa-demo",',
        '        "resourceVersion": "1101",',
        '        "uid": "0b6c3a51-2f0e-4e59-9d1f-6a4d2f1c9e01"',
        '    },',
        '    "spec": {',
        '        "finalizers": [',
        '            "kubernetes"',
        '        ]',
        '    },',
        '    "status": {',
        '        "phase": "Active"',
        '    }',
        '}',
        '',
      ].join('\n'),
    )
  })

  it('prints empty collections, null and numbers as encoding/json does', () => {
    expect(toKubectlJson({ b: [], a: {}, n: null, f: 1.5e300, g: 1e-7, h: 123456789012, i: 0.1 })).toBe(
      '{\n    "a": {},\n    "b": [],\n    "f": 1.5e+300,\n    "g": 1e-7,\n    "h": 123456789012,\n    "i": 0.1,\n    "n": null\n}\n',
    )
  })

  it('sorts keys by bytes (uppercase first)', () => {
    expect(toKubectlJson({ b: 1, B: 2, a: 3 })).toBe('{\n    "B": 2,\n    "a": 3,\n    "b": 1\n}\n')
  })
})

describe('Go string escaping', () => {
  it('escapes HTML characters, line separators and control characters', () => {
    expect(goJsonString('a\bb\fc<>&\u2028\u2029\u007f\u0001\u001f\t\r\n"\\/é😀')).toBe(
      '"a\\bb\\fc\\u003c\\u003e\\u0026\\u2028\\u2029\u007f\\u0001\\u001f\\t\\r\\n\\"\\\\/é😀"',
    )
  })
})

describe('toServerJson (the API server body)', () => {
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'pods "app" is forbidden: User "system:anonymous" cannot get resource "pods" in API group "" in the namespace "sa-demo"',
    reason: 'Forbidden',
    details: { name: 'app', kind: 'pods' },
    code: 403,
  }
  it('keeps struct order, compact, with the encoder newline', () => {
    expect(toServerJson(status, false)).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"app\\" is forbidden: ' +
        'User \\"system:anonymous\\" cannot get resource \\"pods\\" in API group \\"\\" in the namespace \\"sa-demo\\"",' +
        '"reason":"Forbidden","details":{"name":"app","kind":"pods"},"code":403}\n',
    )
  })
  it('pretty-prints with 2 spaces and no trailing newline (encoding/json MarshalIndent)', () => {
    expect(toServerJson({ kind: 'Status', apiVersion: 'v1', metadata: {}, code: 403, list: [1], e: [] }, true)).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "code": 403,\n  "list": [\n    1\n  ],\n  "e": []\n}',
    )
  })
})
