import { describe, expect, it } from 'vitest'
import { createLab } from './lab'
import { lessonFromUrl } from './lessonUrl'

const LIST = `article          ServiceAccounts and bound tokens, end to end
create-token     Tokens without pods: kubectl create token
rbac             From 403 to 200: RBAC for a ServiceAccount
token-lifetime   A year in the life of a token
legacy-tokens    Secret tokens against bound tokens
automount        Turning tokens off
forging          Forging tokens
`
const NO_POD = 'there is no pod app in namespace sa-demo'
const RUNNING = 'pod sa-demo/app Running'
const MOUNTED = 'pod sa-demo/app with a token mounted at /var/run/secrets/kubernetes.io/serviceaccount'

describe('lab lessons and lab check', () => {
  it('lab lessons prints one line per lesson: id, then title', async () => {
    const lab = await createLab({ seed: 1 })
    expect(await lab.run('lab lessons')).toEqual({ stdout: LIST, stderr: '', exitCode: 0 })
  })

  it('lab check prints a line per check and exits 0 only when all hold', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('lab lesson article 2')
    expect(await lab.run('lab check')).toEqual({
      stdout: `✗ pod sa-demo/app is Running: ${NO_POD} (expected: ${RUNNING})\n✗ pod sa-demo/app has a token: ${NO_POD} (expected: ${MOUNTED})\n`,
      stderr: '',
      exitCode: 1,
    })
    await lab.run('kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
    expect(await lab.run('lab check')).toEqual({
      stdout:
        `✗ pod sa-demo/app is Running: pod sa-demo/app is Pending; the token file appears once it runs (kubectl wait, or lab advance 5s) (expected: ${RUNNING})\n` +
        '✓ pod sa-demo/app has a token\n',
      stderr: '',
      exitCode: 1,
    })
    await lab.run('kubectl -n sa-demo wait --for=condition=Ready pod/app')
    expect(await lab.run('lab check')).toEqual({ stdout: '✓ pod sa-demo/app is Running\n✓ pod sa-demo/app has a token\nStep done: lab next moves on.\n', stderr: '', exitCode: 0 })
  })

  it('a pod deleted mid-lesson: the check says it is gone', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('lab lesson article 3')
    expect(lab.lesson()!.step).toBe(3)
    await lab.run('lab back')
    expect((await lab.run('lab check')).exitCode).toBe(0)
    await lab.run('kubectl -n sa-demo delete pod app')
    const r = await lab.run('lab check')
    expect(r.stdout).toBe(`✗ pod sa-demo/app is Running: ${NO_POD} (expected: ${RUNNING})\n✗ pod sa-demo/app has a token: ${NO_POD} (expected: ${MOUNTED})\n`)
    expect(r.exitCode).toBe(1)
  })

  it('steps done out of order: the checks say what is missing', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('lab lesson article 3') // steps 1 and 2 solved: pod app runs
    for (let i = 0; i < 3; i++) await lab.run('lab next') // skip reading the token (steps 3 to 5)
    expect(lab.lesson()!.step).toBe(6)
    await lab.run('kubectl -n sa-demo delete pod app')
    const r = await lab.run('lab check')
    expect(r.stdout).toBe(
      '✓ pod sa-demo/app is gone\n' +
        '✗ a request with $TOK refused because its pod is gone: $TOK does not hold a token yet (expected: a request with $TOK refused because its pod is gone)\n',
    )
    expect(r.exitCode).toBe(1)
    // back to step 4: the token can no longer be read, and the check says so
    await lab.run('lab back')
    await lab.run('lab back')
    await lab.run('TOK=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)')
    expect((await lab.run('lab check')).stdout).toBe('✗ $TOK holds a token bound to pod app: $TOK is not set (expected: $TOK holding a token bound to pod app)\n')
  })

  it('a lesson opened (--keep) on a lab that already has the objects: its checks find them', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('kubectl create namespace sa-demo')
    await lab.run('lab lesson article --keep')
    expect((await lab.run('lab check')).stdout).toBe('✓ namespace sa-demo exists\n✓ ServiceAccount sa-demo/default exists\nStep done: lab next moves on.\n')
    // opened normally, the lesson starts from a fresh lab instead
    const fresh = await lab.run('lab lesson article')
    expect(fresh.stdout.split('\n')[0]).toBe('A fresh lab for lesson article. lab undo goes back to the lab you had.')
    expect((await lab.run('lab check')).stdout).toBe(
      '✗ namespace sa-demo exists: there is no namespace sa-demo (expected: namespace sa-demo exists)\n' +
        '✗ ServiceAccount sa-demo/default exists: there is no ServiceAccount default in namespace sa-demo (expected: ServiceAccount sa-demo/default)\n',
    )
  })

  it('unknown lessons and steps say so and list what exists', async () => {
    const lab = await createLab({ seed: 1 })
    expect(await lab.run('lab lesson nope')).toEqual({
      stdout: '',
      stderr: `lab lesson: no lesson "nope"; the lessons are: article, create-token, rbac, token-lifetime, legacy-tokens, automount, forging\n${LIST}`,
      exitCode: 1,
    })
    expect((await lab.run('lab lesson rbac 9')).stderr).toBe('lab lesson: lesson rbac has no step 9; its steps are 1 to 4\n')
    expect((await lab.run('lab next')).stderr).toBe('lab next: no lesson is open; `lab lessons` lists them, `lab lesson ID` opens one\n')
    expect(lessonFromUrl({ lesson: 'rbac', step: 2 })).toEqual({ command: 'lab lesson rbac 2' })
    expect(lessonFromUrl({})).toBeUndefined()
    expect(lessonFromUrl({ lesson: 'rbac', step: 5 })).toEqual({ error: 'URL parameter lesson=rbac&step=5 ignored: lesson rbac has no step 5; its steps are 1 to 4.' })
    expect(lessonFromUrl({ lesson: 'x' })).toEqual({
      error: 'URL parameter lesson=x ignored: no lesson "x"; the lessons are: article, create-token, rbac, token-lifetime, legacy-tokens, automount, forging.',
    })
  })

  it('hints one at a time; lab solution runs only what is left', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('lab lesson article')
    expect((await lab.run('lab hint')).stdout).toBe('Hint 1 of 2: `kubectl create namespace NAME` makes the namespace.\n')
    expect(lab.lesson()!.hintsShown).toHaveLength(1)
    await lab.run('kubectl create namespace sa-demo')
    expect(lab.lesson()!.remaining).toEqual(['kubectl -n sa-demo get sa'])
    expect((await lab.run('lab solution')).stdout).toBe('$ kubectl -n sa-demo get sa\nNAME      AGE\ndefault   0s\n')
    expect((await lab.run('lab solution')).stdout).toBe('Nothing left to run: the solution commands of this step have all run.\n')
    // `get sa` changed nothing; undo takes back the namespace, and its command counts as not run
    expect((await lab.run('lab undo')).stdout).toContain('Undid: kubectl create namespace sa-demo\n')
    expect(lab.lesson()!.remaining).toEqual(['kubectl create namespace sa-demo', 'kubectl -n sa-demo get sa'])
    expect(lab.lesson()!.hintsShown).toHaveLength(1)
  })

  it('progress is saved with the lab and restored; a bad one is refused', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('lab lesson rbac 3')
    await lab.run('lab hint')
    const snap = lab.snapshot()
    expect(snap.lessons).toMatchObject({ lesson: 'rbac', step: 2, hints: 1, ran: 0 })
    const again = await createLab({ state: structuredClone(snap) })
    expect(again.lesson()).toMatchObject({ id: 'rbac', step: 3, hintsShown: ['`--serviceaccount=NAMESPACE:NAME` names a ServiceAccount as the subject.'] })
    await expect(createLab({ state: { ...snap, lessons: { ...snap.lessons!, step: 40 } } })).rejects.toThrow('the saved lesson progress has an invalid step for lesson rbac')
    await expect(again.restore({ ...snap, lessons: { ...snap.lessons!, lesson: 'gone' } })).rejects.toThrow('the saved lesson progress names an unknown lesson "gone"')
    expect(again.lesson()!.id).toBe('rbac')
  })

  it('lab.lessons() lists each lesson with its steps and solution commands', async () => {
    const lab = await createLab({ seed: 1 })
    const all = lab.lessons()
    expect(all.map((l) => l.id)).toEqual(['article', 'create-token', 'rbac', 'token-lifetime', 'legacy-tokens', 'automount', 'forging'])
    expect(all[0].steps[0]).toEqual({
      title: 'A namespace comes with an identity',
      text: expect.stringContaining('```sh\nkubectl create namespace sa-demo\nkubectl -n sa-demo get sa\n```'),
      goal: 'Namespace sa-demo with its default ServiceAccount.',
      commands: ['kubectl create namespace sa-demo', 'kubectl -n sa-demo get sa'],
      solution: ['kubectl create namespace sa-demo', 'kubectl -n sa-demo get sa'],
      checks: ['namespace sa-demo exists', 'ServiceAccount sa-demo/default exists'],
      hints: 2,
    })
  })
})

describe('lab undo', () => {
  it('goes back one changing command at a time, clock included', async () => {
    const lab = await createLab({ seed: 1 })
    const start = lab.now()
    await lab.run('kubectl create namespace sa-demo')
    await lab.run('X=1')
    await lab.run('lab advance 1h')
    await lab.run('kubectl get ns') // changes nothing: not an undo point
    expect(lab.now()).toBe('2026-05-24T00:27:30Z')
    const u1 = await lab.run('lab undo')
    expect(u1).toEqual({ stdout: `Undid: lab advance 1h\nThe lab is back as it was before that command; lab time ${start}.\n`, stderr: '', exitCode: 0 })
    expect(lab.now()).toBe(start)
    expect(lab.variables().X).toBe('1')
    await lab.run('lab undo')
    expect(lab.variables().X).toBeUndefined()
    expect((await lab.run('kubectl get ns sa-demo')).exitCode).toBe(0)
    expect((await lab.run('lab undo')).stdout).toBe(`Undid: kubectl create namespace sa-demo\nThe lab is back as it was before that command; lab time ${start}. Nothing more to undo.\n`)
    expect((await lab.run('kubectl get ns sa-demo')).stderr).toBe('Error from server (NotFound): namespaces "sa-demo" not found\n')
    expect(await lab.run('lab undo')).toEqual({ stdout: '', stderr: 'lab undo: nothing to undo in this session\n', exitCode: 1 })
    expect(lab.history()).toContain('kubectl create namespace sa-demo')
  })

  it('files: a write, a mode, a removal are each undone; writing what a file holds changes nothing', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('echo a > f')
    await lab.run('echo a > f') // the same content: not an undo point
    await lab.run('chmod 600 f')
    await lab.run('chmod 600 f') // the same mode: not one either
    await lab.run('mkdir -p d/e')
    await lab.run('rm f')
    expect((await lab.run('lab undo')).stdout).toMatch(/^Undid: rm f\n/)
    expect((await lab.run('stat -c %a f')).stdout).toBe('600\n')
    expect((await lab.run('lab undo')).stdout).toMatch(/^Undid: mkdir -p d\/e\n/)
    expect((await lab.run('ls -d d')).exitCode).toBe(2)
    expect((await lab.run('lab undo')).stdout).toMatch(/^Undid: chmod 600 f\n/)
    expect((await lab.run('stat -c %a f')).stdout).toBe('644\n')
    expect((await lab.run('lab undo')).stdout).toMatch(/^Undid: echo a > f\n.* Nothing more to undo\.\n$/)
    expect((await lab.run('cat f')).stderr).toBe('cat: f: No such file or directory\n')
  })

  it('a held state is the lab as it was: later commands (objects, facts, audit) do not leak into it', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('kubectl create namespace one')
    const audit = lab.audit().length
    const facts = lab.facts().length
    const objects = (await lab.run('kubectl get ns -o name')).stdout
    await lab.run('kubectl label namespace one x=y')
    for (let i = 0; i < 5; i++) await lab.run('kubectl get ns')
    await lab.run('kubectl create namespace two')
    await lab.run('lab undo')
    await lab.run('lab undo')
    expect(lab.audit().length).toBe(audit)
    expect(lab.facts().length).toBe(facts)
    expect((await lab.run('kubectl get ns -o name')).stdout).toBe(objects)
    expect((await lab.run('kubectl get ns one -o jsonpath={.metadata.labels.x}')).stdout).toBe('')
  })

  it('undoes a lesson opened in a fresh lab, and a reset', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('kubectl create namespace mine')
    await lab.run('lab lesson rbac')
    expect((await lab.run('kubectl get ns mine')).exitCode).toBe(1)
    expect((await lab.run('kubectl -n sa-demo get pod app')).exitCode).toBe(0)
    await lab.run('lab undo')
    expect((await lab.run('kubectl get ns mine')).exitCode).toBe(0)
    await lab.run('lab reset')
    expect((await lab.run('kubectl get ns mine')).exitCode).toBe(1)
    await lab.run('lab undo')
    expect((await lab.run('kubectl get ns mine')).exitCode).toBe(0)
  })
})

describe("a lesson's set-up requests", () => {
  it('are marked as the set-up\'s in the audit record (the Why panel says so); the student\'s are not; a saved lab keeps the mark', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('lab lesson rbac')
    const setup = lab.audit().filter((e) => e.lessonSetup)
    // the set-up's kubectl commands (create the namespace, run the pod, wait, exec for $TOK) and what they set off
    expect(setup.map((e) => `${e.verb} ${e.requestURI.split('?')[0]}`)).toEqual(expect.arrayContaining(['create /api/v1/namespaces', 'create /api/v1/namespaces/sa-demo/pods', 'create /api/v1/namespaces/sa-demo/pods/app/exec']))
    const before = lab.audit().length
    await lab.run('kubectl get pods')
    expect(lab.audit().slice(before).some((e) => e.lessonSetup)).toBe(false)
    const copy = await createLab({ seed: 1 })
    await copy.restore(JSON.parse(JSON.stringify(await lab.snapshot())))
    expect(copy.audit().filter((e) => e.lessonSetup)).toHaveLength(setup.length)
  })
})
