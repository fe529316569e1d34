import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab, type LabSnapshot } from './lab'
import { LAB } from './idb'
import { readAside, writeWhole } from './labStore'
import { STATE_KEY } from './persist'
import { LabPersistence } from './persistLab'
import { MemoryStorage, testBackend } from './persistTesting'
import { checkSnapshot, MAX_TEXT } from './schema'
import { claimLab } from './tabLock'

type Json = Record<string, unknown>
let base: LabSnapshot
beforeAll(async () => {
  const lab = await createLab({ seed: 'schema' })
  await lab.run('kubectl create serviceaccount demo')
  await lab.run('kubectl run app --image=nginx --overrides=\'{"spec":{"serviceAccountName":"demo"}}\'')
  await lab.advance('1m')
  await lab.run('kubectl exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token')
  await lab.run('echo hi > note.txt')
  base = JSON.parse(JSON.stringify(lab.snapshot()))
})

const copy = (): Json => JSON.parse(JSON.stringify(base))
const at = (o: Json, path: string): Json => path.split('.').reduce<Json>((x, k) => x[k] as Json, o)
function set(path: string, value: unknown) {
  return (s: Json) => {
    const keys = path.split('.')
    const parent = keys.length > 1 ? at(s, keys.slice(0, -1).join('.')) : s
    parent[keys[keys.length - 1]] = value
  }
}

const JS_ERROR = /Cannot read|Cannot convert|is not a function|is not iterable|is not defined|TypeError|RangeError|\[object |Invalid time value|Maximum call stack|NaN|undefined/

/** What the page does on load: the saved lab if it passes and restores, else a fresh one. */
async function pageStart(p: LabPersistence): Promise<{ lab: Lab; restored: boolean; notices: string[] }> {
  const plan = await p.planStart({})
  const notices = plan.notices.map((n) => n.text)
  if (plan.restore) {
    try {
      return { lab: await createLab({ state: plan.restore.snapshot }), restored: true, notices }
    } catch (e) {
      notices.push((await p.setAsideBroken(plan.restore, String(e))).text)
    }
  }
  return { lab: await createLab({ seed: 'fresh' }), restored: false, notices }
}

async function usable(lab: Lab, what = '') {
  expect((await lab.run('echo ok')).stdout).toBe('ok\n')
  for (const line of ['kubectl get pods -A', 'kubectl get serviceaccounts -A', 'kubectl get pods -A -o yaml', 'lab now']) {
    const r = await lab.run(line)
    // a lab may hold anything a student can make (no kubeconfig, no pods): what it must not do is fail inside
    expect(r.stdout + r.stderr, `${what} ${line}`).not.toMatch(JS_ERROR)
  }
}

const corrupt: [string, (s: Json) => void][] = [
  ['cluster.facts = {}', set('cluster.facts', {})],
  ['cluster.audit = "x"', set('cluster.audit', 'x')],
  ['clock.due = "x"', set('cluster.clock.due', 'x')],
  ['cluster.store = null', set('cluster.store', null)],
  ['wrong version', set('version', 2)],
  ['a fact without its fields', (s) => (at(s, 'cluster.facts') as unknown as unknown[]).push({ at: 1, type: 'pod.created' })],
  ['a fact of an unknown kind', (s) => (at(s, 'cluster.facts') as unknown as unknown[]).push({ at: 1, type: 'x' })],
  ['an audit entry with a bad decision', (s) => ((at(s, 'cluster.audit') as unknown as Json[])[0].authentication = { decision: 'maybe' })],
  ['clock.now = "x"', set('cluster.clock.now', 'x')],
  ['random of three words', set('cluster.random', [1, 2, 3])],
  ['signer without a key', set('cluster.signer', { alg: 'RS256', kid: 'k' })],
  ['a kubelet for another node', set('cluster.kubelets.worker-0', { node: 'elsewhere', ipam: { last: 1, byPod: {} }, images: [], pods: {}, tokens: {} })],
  ['a kubelet = "x"', set('cluster.kubelets.worker-0', 'x')],
  ['a pod whose spec is text', (s) => (Object.values(at(s, 'cluster.store.objects.pods'))[0] as Json).spec = 'x'],
  ['an object without metadata', (s) => ((Object.values(at(s, 'cluster.store.objects.serviceaccounts'))[0] as Json).metadata = 5)],
  ['shell.history = [1]', set('shell.history', [1])],
  ['shell.env = null', set('shell.env', null)],
  ['a relative file path', set('shell.files.note', 'x')],
  ['a mode past 07777', set('shell.modes', { '/root/s.sh': 0o17777 })],
  ['a mode of a relative path', set('shell.modes', { 's.sh': 0o755 })],
  ['a huge file', set('shell.files./root/huge', 'x'.repeat(MAX_TEXT + 1))],
  ['seenTokens = 5', set('seenTokens', 5)],
  ['startMs = "now"', set('startMs', 'now')],
]

describe('the schema', () => {
  it('accepts a real lab', () => {
    const r = checkSnapshot(base)
    expect(r.ok ? 'ok' : r.reason).toBe('ok')
    // Lesson progress must be the runner's shape and name a lesson of this build.
    expect(checkSnapshot({ ...base, lessons: { article: { step: 3 } } }).ok).toBe(false)
  })

  it('accepts a lab with a lesson open, and refuses progress in an unknown lesson', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('lab lesson rbac')
    const snap = lab.snapshot()
    expect(snap.lessons).toBeDefined()
    const r = checkSnapshot(snap)
    expect(r.ok ? 'ok' : r.reason).toBe('ok')
    const bad = JSON.parse(JSON.stringify(snap).replaceAll('"rbac"', '"nope"')) as unknown
    const refused = checkSnapshot(bad)
    expect(refused.ok ? 'ok' : refused.reason).toMatch(/nope/)
  })

  it.each(corrupt)('refuses %s', (_, mutate) => {
    const s = copy()
    mutate(s)
    expect(checkSnapshot(s).ok).toBe(false)
  })
})

describe('a corrupt save never breaks the page', () => {
  it.each([...corrupt, ['truncated JSON', () => {}] as [string, (s: Json) => void]])('old save with %s: a notice, the raw data kept, a fresh lab that works', async (name, mutate) => {
    const kv = await testBackend()
    const legacy = new MemoryStorage()
    const s = copy()
    mutate(s)
    let raw = JSON.stringify({ v: 1, savedAt: 'then', seed: 'schema', snapshot: s, lines: [] })
    if (name === 'truncated JSON') raw = raw.slice(0, raw.length / 2)
    legacy.setItem(STATE_KEY, raw)
    const p = await LabPersistence.open({ kv, legacy, lock: await claimLab(undefined) })
    const { lab, restored, notices } = await pageStart(p)
    expect(restored).toBe(false)
    expect(notices.join('\n')).toMatch(/could not be read .* a fresh lab was started/)
    const [key] = p.savedStates()
    expect((await readAside(kv, key))?.raw).toBe(raw)
    await usable(lab)
  })

  const parts: [string, Record<string, unknown>][] = [
    ['facts chunk = {}', { 'facts#000000000': {} }],
    ['clock.due = "x"', { clock: { now: 1, seq: 1, due: 'x' } }],
    ['a store bucket = null', { 'obj:pods#0': null }],
    ['a store bucket = []', { 'obj:serviceaccounts#1': [] }],
    ['index of another version', { meta: { v: 3 } }],
    ['no index', { meta: undefined }],
    ['a kubelet = "x"', { 'kubelet:worker-0': 'x' }],
    ['top of another version', { top: { version: 2, startMs: 1 } }],
    ['a file = 5', { 'file:/root/x': 5 }],
    ['history chunk of numbers', { 'history#000000000': [1, 2] }],
  ]
  it.each(parts)('saved parts with %s: a notice, the raw data kept, a fresh lab that works', async (_, change) => {
    const kv = await testBackend()
    await writeWhole(kv, { snapshot: base, lines: [], savedAt: 'then', seq: 1 })
    await kv.write(LAB, {
      put: Object.entries(change).filter(([, v]) => v !== undefined),
      del: Object.entries(change).filter(([, v]) => v === undefined).map(([k]) => k),
    })
    const p = await LabPersistence.open({ kv, lock: await claimLab(undefined) })
    const { lab, restored, notices } = await pageStart(p)
    expect(restored).toBe(false)
    expect(notices.join('\n')).toContain('a fresh lab was started')
    const [key] = p.savedStates()
    expect(JSON.parse((await readAside(kv, key))!.raw)).toHaveProperty('cluster')
    expect((await kv.readAll(LAB)).size).toBe(0)
    await usable(lab)
  })
})

describe('properties', () => {
  it('no JSON value makes the check throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(() => checkSnapshot(v)).not.toThrow()
        expect(checkSnapshot(v).ok).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('no mutation of a real lab makes check-and-restore throw or leaves the lab unusable', async () => {
    // (paths as arrays: a key may hold any character, the shell's hidden array variables a NUL)
    const paths: string[][] = []
    const walk = (o: unknown, p: string[]) => {
      if (p.length) paths.push(p)
      if (typeof o === 'object' && o !== null) for (const [k, v] of Object.entries(o)) walk(v, [...p, k])
    }
    walk(base, [])
    await fc.assert(
      fc.asyncProperty(fc.nat(paths.length - 1), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)), async (i, value) => {
        const s = copy()
        const keys = paths[i]
        const parent = keys.slice(0, -1).reduce<Json>((x, k) => x[k] as Json, s)
        if (value === undefined) delete parent[keys[keys.length - 1]]
        else parent[keys[keys.length - 1]] = value
        let lab: Lab
        const c = checkSnapshot(s)
        try {
          lab = c.ok ? await createLab({ state: c.snapshot }) : await createLab({ seed: 'fresh' })
        } catch {
          lab = await createLab({ seed: 'fresh' })
        }
        await usable(lab, `${keys.join('.')} = ${JSON.stringify(value)}`)
      }),
      { numRuns: Number(process.env.SCHEMA_RUNS ?? 150) },
    )
  }, 120_000)
})
