// A container's log: the lab runs a main process that ends at once (echo, cat, env, `sh -c` of
// such commands) as its container starts. What it prints is what kubectl logs shows (with
// --timestamps, --tail, --since, --since-time, --limit-bytes, -p), and its exit status is the
// container's. A cat of a missing file says what the machine's real busybox says. The log stays
// with the lab (snapshot and restore). A main process the lab does not run (sleep) logs nothing.
// A script that prints, then sleeps or loops, logs what its opening printed, and runs on.
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'
import { pacedRun } from './pacedTesting'
import { requireTools, runBatch, type Outcome } from '../shell/testing/realTools'

let lab: Lab
const run = (line: string) => lab.run(line)
const out = async (line: string) => {
  const r = await run(line)
  expect(r.stderr).toBe('')
  return r.stdout
}
const jsonpath = (pod: string, path: string) => out(`kubectl get pod ${pod} -o jsonpath='{${path}}'`)

let realCat: Outcome
let realScript: Outcome

beforeAll(async () => {
  requireTools('busybox')
  ;[realCat, realScript] = await runBatch([{ shell: 'busybox cat /nope' }, { shell: "busybox sh -c 'busybox cat /nope && busybox sleep 1000'" }])
  lab = await createLab({ seed: 'logs' })
  for (const line of [
    'kubectl run tok --image=busybox --restart=Never -- cat /var/run/secrets/kubernetes.io/serviceaccount/token',
    "kubectl run three --image=busybox --restart=Never -- sh -c 'echo hello; echo world; exit 3'",
    'kubectl run bad --image=busybox --restart=Never -- cat /nope',
    "kubectl run loop --image=busybox -- sh -c 'echo started'",
    'kubectl run sleeper --image=busybox -- sleep 3600',
    "kubectl run talker --image=busybox --restart=Never -- sh -c 'cat /var/run/secrets/kubernetes.io/serviceaccount/token; sleep 3600'",
    "kubectl run looper --image=busybox -- sh -c 'echo ready; while true; do sleep 30; done'",
    "kubectl run typo --image=busybox --restart=Never -- sh -c 'cat /nope && sleep 1000'",
  ])
    await out(line)
  await out("kubectl wait --for=jsonpath='{.status.containerStatuses[0].restartCount}'=2 pod/loop --timeout=2m")
}, 60_000)

describe('a container whose main process ends at once', () => {
  it("prints the pod's own token: the one the kubelet put in its volume before the container started", async () => {
    const token = await out('kubectl logs tok')
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
    expect(claims['kubernetes.io'].pod).toEqual({ name: 'tok', uid: await jsonpath('tok', '.metadata.uid') })
    expect(claims.sub).toBe('system:serviceaccount:default:default')
    expect(await jsonpath('tok', '.status.phase')).toBe('Succeeded')
    const created = Date.parse(await jsonpath('tok', '.metadata.creationTimestamp'))
    const started = Date.parse(await jsonpath('tok', '.status.containerStatuses[0].state.terminated.startedAt'))
    expect(claims.iat * 1000).toBeGreaterThanOrEqual(created)
    expect(claims.iat * 1000).toBeLessThan(started)
  })

  it('ends with its own exit status: the container is Error with exit code 3', async () => {
    expect(await out('kubectl logs three')).toBe('hello\nworld\n')
    expect(await jsonpath('three', '.status.containerStatuses[0].state.terminated.exitCode')).toBe('3')
    expect(await jsonpath('three', '.status.containerStatuses[0].state.terminated.reason')).toBe('Error')
  })

  it("a cat of a missing file: busybox's message in the log, and its status", async () => {
    expect(await out('kubectl logs bad')).toBe(realCat.stderr)
    expect(await jsonpath('bad', '.status.containerStatuses[0].state.terminated.exitCode')).toBe(String(realCat.exitCode))
  })

  it('--tail, --limit-bytes, --timestamps, --since and --since-time read the log as the kubelet reads its files', async () => {
    expect(await out('kubectl logs three --tail=1')).toBe('world\n')
    expect(await out('kubectl logs three --tail=0')).toBe('')
    expect(await out('kubectl logs three --limit-bytes=3')).toBe('hel')
    const started = await jsonpath('three', '.status.containerStatuses[0].state.terminated.startedAt')
    const stamped = await out('kubectl logs three --timestamps')
    expect(stamped).toMatch(/^(\S+) hello\n\1 world\n$/)
    expect(Date.parse(stamped.split(' ')[0])).toBe(Date.parse(started))
    expect(await out('kubectl logs three --since=1h')).toBe('hello\nworld\n')
    await out('lab advance 10m')
    expect(await out('kubectl logs three --since=5m')).toBe('')
    expect(await out(`kubectl logs three --since-time=${started}`)).toBe('hello\nworld\n')
    expect(await out(`kubectl logs three --since-time=${new Date(Date.parse(started) + 1000).toISOString()}`)).toBe('')
  })

  it('restarted: every run prints the same; -p shows the run before, with its own time', async () => {
    expect(await out('kubectl logs loop')).toBe('started\n')
    const previous = await out('kubectl logs loop -p --timestamps')
    const lastStart = await jsonpath('loop', '.status.containerStatuses[0].lastState.terminated.startedAt')
    expect(previous).toMatch(/^\S+ started\n$/)
    expect(Date.parse(previous.split(' ')[0])).toBe(Date.parse(lastStart))
  })

  it('keeps the first 16 KiB (bytes) of what the process printed', async () => {
    await out("kubectl run big --image=busybox --restart=Never -- printf '%020000d' 7")
    await out("kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/big")
    expect(await out('kubectl logs big')).toBe('0'.repeat(16 * 1024))
    // bytes, not characters: random bytes are counted as wc -c counts them
    await out('kubectl run noise --image=busybox --restart=Never -- cat /dev/urandom')
    await out('lab advance 30s')
    expect(await out('kubectl logs noise | wc -c')).toBe('16384\n')
  })

  it('a main process the lab does not run (sleep) logs nothing', async () => {
    expect(await run('kubectl logs sleeper')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  it('the log is kept with the lab: snapshot and restore', async () => {
    const other = await createLab({ seed: 'other' })
    await other.restore(await lab.snapshot())
    expect((await other.run('kubectl logs three')).stdout).toBe('hello\nworld\n')
  })
})

describe('a script that prints, then sleeps or loops', () => {
  it("logs what it printed first (the pod's token), runs on, and keeps its log when it ends", async () => {
    expect(await jsonpath('talker', '.status.phase')).toBe('Running')
    expect(await out('kubectl logs talker')).toBe(await out('kubectl exec talker -- cat /var/run/secrets/kubernetes.io/serviceaccount/token'))
    expect(await out('kubectl logs looper')).toBe('ready\n')
    expect(await jsonpath('looper', '.status.phase')).toBe('Running')
  })

  it('one whose opening fails before && ends there, as a real busybox sh does', async () => {
    expect(realScript.exitCode).not.toBe(0) // it did not sleep: cat failed
    expect(await out('kubectl logs typo')).toBe(realScript.stderr)
    expect(await jsonpath('typo', '.status.phase')).toBe('Failed')
    expect(await jsonpath('typo', '.status.containerStatuses[0].state.terminated.exitCode')).toBe(String(realScript.exitCode))
  })
})

// kubectl logs -f: the stream lasts as long as the container's run; Ctrl+C (the host's pace says
// false) ends kubectl as SIGINT does.
describe('kubectl logs --follow', () => {
  const paced = (line: string, stopAt?: number) => pacedRun(lab, line, stopAt)

  it('follows a running container until its process ends, then ends with 0', async () => {
    await out("kubectl run brief --image=busybox --restart=Never -- sh -c 'echo bye; sleep 5'")
    await out('kubectl wait --for=condition=Ready pod/brief')
    const r = await paced('kubectl logs -f brief')
    expect(r).toMatchObject({ stdout: 'bye\n', stderr: '', exitCode: 0 })
    expect(r.waits).toBeGreaterThanOrEqual(3)
    expect(r.waits).toBeLessThanOrEqual(6)
    expect(await jsonpath('brief', '.status.phase')).toBe('Succeeded')
  })

  it('Ctrl+C kills it: `^C`, status 130, and the rest of the line does not run; a finished container, or -p, is not followed', async () => {
    expect(await paced('kubectl logs -f looper; echo after', 3)).toMatchObject({ stdout: 'ready\n', stderr: '^C\n', exitCode: 130, waits: 3 })
    expect(await paced('kubectl logs -f three')).toMatchObject({ stdout: 'hello\nworld\n', exitCode: 0, waits: 0 })
    expect(await paced('kubectl logs -f loop -p', 3)).toMatchObject({ stdout: 'started\n', exitCode: 0, waits: 0 })
  })

  it("kubectl get -w, by contrast, handles Ctrl+C: the terminal's `^C`, status 1, and the line goes on", async () => {
    const r = await paced('kubectl get pod looper -w; echo "after $?"', 2)
    expect(r.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nlooper +1\/1 +Running .*\nafter 1\n$/)
    expect(r.stderr).toBe('^C')
  })

  it('where nothing paces it, shows the log once with a note', async () => {
    const r = await run('kubectl logs -f looper')
    expect(r.stdout).toBe('ready\n')
    expect(r.stderr).toMatch(/^kubectl logs --follow: the lab shows the log once here/)
    expect(r.exitCode).toBe(0)
  })
})

// kubectl run --attach / -i / -t (run.go's attach branch): the output of a pod that ends at once,
// its exit code with --restart=Never, and --rm's delete; the messages are run.go's and delete.go's.
describe('kubectl run -i, --attach and --rm', () => {
  it('prints what the pod printed, then deletes it with --rm', async () => {
    expect(await run('kubectl run ns1 --rm -i --restart=Never --image=busybox -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace')).toEqual({
      stdout: 'defaultpod "ns1" deleted from default namespace\n', stderr: '', exitCode: 0,
    })
    expect((await run('kubectl get pod ns1')).stderr).toBe('Error from server (NotFound): pods "ns1" not found\n')
  })

  it("with --restart=Never the container's exit code is kubectl's, said after the delete", async () => {
    expect(await run("kubectl run four --rm -i --restart=Never --image=busybox -- sh -c 'echo bye; exit 4'")).toEqual({
      stdout: 'bye\npod "four" deleted from default namespace\n', stderr: 'pod default/four terminated (Error)\n', exitCode: 4,
    })
  })

  it('--attach without --rm leaves the completed pod; -q says nothing of the delete; OnFailure waits for success', async () => {
    expect(await run('kubectl run att --attach --restart=Never --image=busybox -- echo attached')).toEqual({ stdout: 'attached\n', stderr: '', exitCode: 0 })
    expect(await jsonpath('att', '.status.phase')).toBe('Succeeded')
    expect(await run('kubectl run quiet --rm -q -i --restart=Never --image=busybox -- echo quiet')).toEqual({ stdout: 'quiet\n', stderr: '', exitCode: 0 })
    expect(await run('kubectl run onf --rm -i --restart=OnFailure --image=busybox -- echo fine')).toEqual({
      stdout: 'fine\npod "onf" deleted from default namespace\n', stderr: '', exitCode: 0,
    })
  })

  it('a shell waiting for input it gets without a terminal (-i, no -t) runs on: the lab cannot attach to it, says so, and keeps the pod', async () => {
    const r = await run('kubectl run shell --rm -i --restart=Never --image=busybox -- sh')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^error: attaching to a running container is not available in this lab yet: pod\/shell runs on \(not deleted\); kubectl exec -it shell -- sh/)
    expect(await jsonpath('shell', '.status.phase')).toBe('Running')
    expect(await jsonpath('shell', '.spec.containers[0].stdin')).toBe('true')
  })
})
