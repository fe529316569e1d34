// -o go-template and -o custom-columns against the real kubectl: go-template through `label --local -f OBJ
// --overwrite K=SAME -o go-template=…` (the printer kubectl get uses), in one bash run.

import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from '../testing/fake'
import { REAL_KUBECTL, batchKubectl } from '../testing/batch'
import { requireTools } from '../../testing/realTools'
import { goTemplate } from './goTemplate'
import { parseColumnsSpec, printCustomColumns } from './customColumns'

const SECRET = JSON.stringify({
  apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token',
  metadata: { name: 'robot-token', namespace: 'sa-demo', labels: { a: 'b' }, annotations: { 'kubernetes.io/service-account.name': 'robot' } },
  data: { token: btoa('eyJhbGciOiJSUzI1NiJ9.e30.c2ln'), 'ca.crt': btoa('-----BEGIN CERTIFICATE-----\n'), namespace: btoa('sa-demo') },
})
const LIST = JSON.stringify({
  apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' },
  items: [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'sa-demo', labels: { a: 'b' } }, automountServiceAccountToken: false },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'sa-demo', labels: { a: 'b' } } },
  ],
})
const TEMPLATES = [
  '{{.metadata.name}}',
  '{{.metadata.name}}{{"\\n"}}',
  '{{index .data "token"}}',
  '{{.data.token | base64decode}}',
  '{{index .data "ca.crt" | base64decode}}',
  '{{.data.namespace | base64decode}} {{.type}}',
  '{{range $k, $v := .data}}{{$k}}={{$v | base64decode}};{{end}}',
  '{{.metadata.nosuch}}',
  '{{.metadata.labels}}',
  '{{if .metadata.labels}}has labels{{else}}none{{end}}',
  '{{with .metadata.annotations}}{{index . "kubernetes.io/service-account.name"}}{{end}}',
  '{{len .data}} {{printf "%s-%v" .metadata.name 3}}',
]
// kubectl label splits a List into its items, so lists are checked against Go's text/template rules by hand.
const LIST_TEMPLATES: [string, string][] = [
  ['{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', 'robot\ndefault\n'],
  ['{{range .items}}{{.metadata.name}} {{.automountServiceAccountToken}}{{"\\n"}}{{end}}', 'robot false\ndefault <no value>\n'],
  ['{{range $i, $sa := .items}}{{$i}}:{{$sa.metadata.name}} {{end}}', '0:robot 1:default '],
  ['{{- range .items }}\n  {{- .kind }}/{{ .metadata.name }}\n{{ end -}}', 'ServiceAccount/robot\nServiceAccount/default\n'],
  ['{{range .items}}{{if .automountServiceAccountToken}}on{{else if .metadata.labels}}labelled{{else}}off{{end}} {{end}}', 'labelled labelled '],
]

describe('go-template printer', () => {
  it('matches the real kubectl', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const cases = TEMPLATES.map((t) => ['label', '--local', '-f', 's.json', '--overwrite', 'a=b', '-o', `go-template=${t}`])
    const real = batchKubectl(cases, { 's.json': SECRET })
    for (let i = 0; i < TEMPLATES.length; i++) {
      expect({ t: TEMPLATES[i], out: goTemplate(TEMPLATES[i], JSON.parse(SECRET)) }).toEqual({ t: TEMPLATES[i], out: real[i].stdout })
    }
    // The lab's kubectl prints the same through the same flags.
    const ours = await runKubectl(new FakeLab({}, '2026-12-05T10:00:00Z'), cases[3], { files: { '/root/s.json': SECRET } })
    expect(ours.stdout).toBe(real[3].stdout)
  }, 120_000)
})

// Names a template may hold that JavaScript objects carry too (constructor, toString, __proto__), and
// a name that is no function: what kubectl prints, on stdout and stderr, with its status.
const ODD_TEMPLATES = [
  '{{.constructor}}',
  '{{.metadata.toString}}',
  '{{.data.__proto__}}',
  '{{index .metadata "constructor"}}',
  '{{foo}}',
  '{{constructor}}',
  '{{.metadata.name | toString}}',
  '{{if .metadata.name}}{{hasOwnProperty}}{{end}}',
  '{{range .data}}{{valueOf .}}{{end}}',
  '{{$x := nosuch}}{{$x}}',
  // a keyword ends where Go's lexer ends an identifier: at a space, `.`, `(`, `|`, `,`, `:` or `)`
  '{{range.data}}{{.}};{{end}}',
  '{{if.metadata.labels}}labelled{{end}}',
  '{{with.metadata}}{{.name}}{{end}}',
  '{{if(eq .type "x")}}x{{else}}not x{{end}}',
  '{{if}}x{{end}}',
  '{{range}}{{end}}',
  '{{ranger .data}}',
  // parenthesized pipelines, and fields after one
  '{{(index .data "namespace") | base64decode}}',
  '{{printf "%s/%s" (.metadata.namespace) (index .metadata.annotations "kubernetes.io/service-account.name")}}',
  '{{(.metadata).name}}',
  '{{if and (eq .type "kubernetes.io/service-account-token") (.metadata.labels)}}token{{end}}',
  '{{if .metadata.nosuch}}a{{else if(eq .type "x")}}b{{else}}c{{end}}',
  '{{with .metadata.nosuch}}{{.}}{{else with .metadata.labels}}{{.a}}{{end}}',
  '{{.metadata.name) | printf "%s"}}',
  '{{(.metadata.name}}',
]

describe('go-template printer, names JavaScript objects have too, names that are no function, keywords', () => {
  it('matches the real kubectl', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const cases = ODD_TEMPLATES.map((t) => ['label', '--local', '-f', 's.json', '--overwrite', 'a=b', '-o', `go-template=${t}`])
    const real = batchKubectl(cases, { 's.json': SECRET })
    for (const [i, argv] of cases.entries()) {
      const ours = await runKubectl(new FakeLab({}, '2026-12-05T10:00:00Z'), argv, { files: { '/root/s.json': SECRET } })
      expect({ t: ODD_TEMPLATES[i], ...ours }).toEqual({ t: ODD_TEMPLATES[i], ...real[i] })
    }
  }, 120_000)
})

describe('go-template over lists', () => {
  it.each(LIST_TEMPLATES)('%s', (t, want) => {
    expect(goTemplate(t, JSON.parse(LIST))).toBe(want)
  })
})

describe('custom-columns printer (cli-runtime customcolumn.go)', () => {
  it('prints a header row and <none> for missing fields, padded by 3', () => {
    const cols = parseColumnsSpec('NAME:.metadata.name,AUTOMOUNT:.automountServiceAccountToken,LABELS:{.metadata.labels.a}')
    expect(printCustomColumns(cols, JSON.parse(LIST))).toBe('NAME      AUTOMOUNT   LABELS\nrobot     false       b\ndefault   <none>      b\n')
    expect(printCustomColumns(cols, JSON.parse(LIST), true)).toBe('robot     false    b\ndefault   <none>   b\n')
  })
  it('refuses a column without a path', () => {
    expect(() => parseColumnsSpec('NAME')).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>')
  })
})
