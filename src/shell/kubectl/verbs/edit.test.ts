import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../../cluster/apiserver/types'
import type { CommandContext, EditRequest, HomeFs } from '../../types'
import { kubectl } from '../index'
import { ADMIN_KUBECONFIG, FakeLab, fakeFs, notFound, status } from '../testing/fake'
import { EDIT_HEADER, editHeader, manualStrip } from './editBuffer'

/* eslint-disable @typescript-eslint/no-explicit-any */
type O = Record<string, any>

const PATH = '/api/v1/namespaces/sa-demo/serviceaccounts/default'
const SA: O = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: {
    creationTimestamp: '2026-05-24T10:00:00Z',
    managedFields: [{ manager: 'kube-controller-manager', operation: 'Update' }],
    name: 'default',
    namespace: 'sa-demo',
    resourceVersion: '512',
    uid: '6f1c2a7e-0000-4000-8000-000000000001',
  },
}

const SA_YAML = `apiVersion: v1
kind: ServiceAccount
metadata:
  creationTimestamp: "2026-05-24T10:00:00Z"
  name: default
  namespace: sa-demo
  resourceVersion: "512"
  uid: 6f1c2a7e-0000-4000-8000-000000000001
`

/** A lab whose editor answers each request with the next of `answers` (a function of the text it was given). */
function setup(answers: ((text: string) => string | undefined)[], patch: (req: ApiRequest) => [number, O] | O = (req) => ({ ...SA, ...(req.body as O) })) {
  const lab = new FakeLab({ [`GET ${PATH}`]: SA, [`PATCH ${PATH}`]: patch, 'GET /api/v1/namespaces/sa-demo/serviceaccounts/x': notFound('serviceaccounts', 'x') }, '2026-05-24T10:05:00Z')
  const opened: EditRequest[] = []
  const labWithEditor = Object.assign(lab, {
    edit: async (r: EditRequest) => {
      opened.push(r)
      const answer = answers.shift()
      return answer ? answer(r.text) : undefined
    },
  })
  const fs = fakeFs({ '/root/.kube/config': ADMIN_KUBECONFIG })
  return { lab: labWithEditor, opened, fs }
}

async function run(lab: FakeLab, fs: HomeFs, line: string) {
  let stdout = ''
  let stderr = ''
  const vars: Record<string, string> = {}
  const ctx: CommandContext = {
    argv: ['kubectl', ...line.split(' ')],
    stdin: '',
    stdinIsTTY: true,
    stdoutIsTTY: true,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { get: (n) => vars[n], set: (n, v) => void (vars[n] = v), unset: () => {}, export: () => {}, isExported: () => true, exported: () => ({}), array: () => undefined, assoc: () => undefined, putArray: () => {}, ownArray: () => undefined, ownAssoc: () => undefined },
    fs,
    lab,
    shell: { history: () => [], clearScreen: () => {}, alternateScreen: () => {}, commands: () => [] },
  }
  const exitCode = await kubectl.run(ctx)
  return { stdout, stderr, exitCode }
}

const patches = (lab: FakeLab) => lab.requests.filter((r) => r.method === 'PATCH')
const automountOff = (t: string) => `${t}automountServiceAccountToken: false\n`

describe('kubectl edit', () => {
  it('opens the object under kubectl\'s header, without managedFields, and patches what changed', async () => {
    const { lab, opened, fs } = setup([automountOff])
    const r = await run(lab, fs, 'edit sa default -n sa-demo')
    expect(opened).toHaveLength(1)
    expect(opened[0].text).toBe(EDIT_HEADER + SA_YAML)
    expect(opened[0]).toMatchObject({ language: 'yaml', title: 'kubectl edit sa default -n sa-demo' })
    expect(opened[0].path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/)
    expect(r).toEqual({ stdout: 'serviceaccount/default edited\n', stderr: '', exitCode: 0 })
    const [p] = patches(lab)
    expect(p.path).toBe(`${PATH}?fieldManager=kubectl-edit&fieldValidation=Strict`)
    expect(p.headers['content-type']).toBe('application/strategic-merge-patch+json')
    expect(p.body).toEqual({ automountServiceAccountToken: false })
    expect(fs.exists(opened[0].path)).toBe(false)
  })

  it('takes TYPE/NAME and -o json (no header; the object is printed after the edit)', async () => {
    const { lab, opened, fs } = setup([(t) => t.replace('"kind"', '"automountServiceAccountToken": false,\n  "kind"')])
    const r = await run(lab, fs, 'edit serviceaccount/default -n sa-demo -o json')
    expect(opened[0].language).toBe('json')
    expect(opened[0].text.startsWith('{\n    "apiVersion": "v1",')).toBe(true)
    expect(opened[0].path).toMatch(/\.json$/)
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ automountServiceAccountToken: false, kind: 'ServiceAccount' })
  })

  it('says so when nothing changed, whether saved as it was or closed without saving', async () => {
    for (const answer of [(t: string) => t, () => undefined, (t: string) => `# a comment\n${t}`]) {
      const { lab, fs } = setup([answer])
      expect(await run(lab, fs, 'edit sa default -n sa-demo')).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 })
      expect(patches(lab)).toHaveLength(0)
    }
  })

  it('an empty file cancels the edit', async () => {
    const { lab, fs } = setup([() => '# nothing\n\n'])
    expect(await run(lab, fs, 'edit sa default -n sa-demo')).toEqual({ stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', exitCode: 0 })
  })

  it('reopens a file with a YAML syntax error under the error, marked at its line; fixing it applies', async () => {
    const broken = (t: string) => t.replace('kind: ServiceAccount', 'kind: ServiceAccount\n  bad: [')
    const { lab, opened, fs } = setup([broken, (t) => automountOff(t.replace('\n  bad: [', ''))])
    const r = await run(lab, fs, 'edit sa default -n sa-demo')
    expect(opened).toHaveLength(2)
    const reopened = opened[1].text
    expect(reopened.startsWith(`${EDIT_HEADER}# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line `)).toBe(true)
    expect(reopened).toContain(manualStrip(broken(EDIT_HEADER + SA_YAML)))
    expect(opened[1].markers).toHaveLength(1)
    const line = opened[1].markers![0].line
    expect(reopened.split('\n')[line - 1]).toMatch(/bad: \[|kind: ServiceAccount|metadata:/)
    expect(r).toEqual({ stdout: 'serviceaccount/default edited\n', stderr: '', exitCode: 0 })
  })

  it('a rejected update is reopened with the causes; closing it unchanged keeps a copy in /tmp', async () => {
    const invalid = status(422, 'Invalid', 'ServiceAccount "default" is invalid: metadata.labels: Invalid value: "a b"', {
      name: 'default',
      kind: 'ServiceAccount',
      causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: "a b": name part must consist of alphanumeric characters', field: 'metadata.labels' }],
    })
    const withLabel = (t: string) => t.replace('  name: default', '  labels:\n    a b: x\n  name: default')
    const { lab, opened, fs } = setup([withLabel, () => undefined], () => invalid)
    const r = await run(lab, fs, 'edit sa default -n sa-demo')
    expect(opened).toHaveLength(2)
    const reasons = [{ head: 'serviceaccounts "default" was not valid', other: ['metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters'] }]
    expect(opened[1].text).toBe(editHeader(reasons) + manualStrip(withLabel(EDIT_HEADER + SA_YAML)))
    const lines = opened[1].text.split('\n')
    expect(lines[opened[1].markers![0].line - 1]).toBe('  labels:')
    expect(r.stdout).toBe('')
    expect(r.exitCode).toBe(1)
    const copy = /A copy of your changes has been stored to "(\/tmp\/kubectl-edit-\d+\.yaml)"/.exec(r.stderr)?.[1]
    expect(r.stderr).toBe(`error: serviceaccounts "default" is invalid\nA copy of your changes has been stored to "${copy}"\nerror: Edit cancelled, no valid changes were saved.\n`)
    expect(copy).toBe(opened[1].path)
    expect(fs.readFile(copy!)).toBe(opened[1].text)
  })

  it('other server errors end with the replace hint; changing the name is refused', async () => {
    const { lab, fs } = setup([automountOff], () => status(409, 'Conflict', 'Operation cannot be fulfilled on serviceaccounts "default": the object has been modified'))
    const r = await run(lab, fs, 'edit sa default -n sa-demo')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^error: serviceaccounts "default" could not be patched: Operation cannot be fulfilled on serviceaccounts "default": the object has been modified\nYou can run `kubectl replace -f \/tmp\/kubectl-edit-\d+\.yaml` to try this update again\.\n$/)
    const renamed = setup([(t) => t.replace('name: default', 'name: other')])
    const r2 = await run(renamed.lab, renamed.fs, 'edit sa default -n sa-demo')
    expect(r2.stderr).toMatch(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/)
  })

  it('errors before the editor opens: not found, no arguments, a format it cannot edit', async () => {
    const { lab, opened, fs } = setup([])
    expect(await run(lab, fs, 'edit sa x -n sa-demo')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): serviceaccounts "x" not found\n', exitCode: 1 })
    expect((await run(lab, fs, 'edit')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\./)
    expect((await run(lab, fs, 'edit sa default -o name')).stderr).toBe('error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n')
    expect(opened).toHaveLength(0)
  })

  it('without an attached editor it says so and what to do instead', async () => {
    const lab = new FakeLab({ [`GET ${PATH}`]: SA }, '2026-05-24T10:05:00Z')
    const r = await run(lab, fakeFs({ '/root/.kube/config': ADMIN_KUBECONFIG }), 'edit sa default -n sa-demo')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^error: kubectl edit opens the lab's editor, and no editor is attached in this session/)
    expect(r.stderr).toContain("cat > obj.yaml <<'EOF'")
    expect(lab.requests).toHaveLength(0)
  })
})
