// A container whose `sh -c` script sleeps between its commands prints as it goes on, over lab time
// (cluster/kubelet/scriptSteps.ts): each part's output goes into the log at the time it runs, the
// script's variables go on from part to part, a loop goes round until the pod goes, and a pod that
// reads its token in a loop sees the kubelet's refreshes. kubectl logs reads the lines with their
// times (--timestamps, --since, --tail, -p) and follows new ones (-f). The script's place and
// variables stay with the lab (snapshot and restore). A long jump of the clock runs a loop's last
// rounds only.
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'
import { pacedRun } from './pacedTesting'
import { MAX_ROUNDS } from '../cluster/kubelet/scriptSteps'
import { requireTools, runBatch } from '../shell/testing/realTools'

let lab: Lab
const out = async (line: string, l: Lab = lab) => {
  const r = await l.run(line)
  expect(r.stderr, line).toBe('')
  expect(r.exitCode, line).toBe(0)
  return r.stdout
}
const lines = (text: string) => text.split('\n').filter((l) => l !== '')
const startedAt = async (pod: string, l: Lab = lab) =>
  Date.parse(await out(`kubectl get pod ${pod} -o jsonpath='{.status.containerStatuses[0].state.running.startedAt}'`, l))

// Kubernetes' logging example (kubernetes.io, "Logging Architecture")
const COUNTER = `kubectl run counter --image=busybox:1.28 -- /bin/sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'`

beforeAll(async () => {
  lab = await createLab({ seed: 'stepped' })
  await out(COUNTER)
  await out('kubectl wait --for=condition=Ready pod/counter')
}, 60_000)

describe("Kubernetes' counter example", () => {
  it('prints a line a second, counting on, each dated when it was written', async () => {
    const start = await startedAt('counter')
    await out('lab advance 10s')
    const log = lines(await out('kubectl logs counter --timestamps'))
    expect(log.length).toBeGreaterThanOrEqual(11)
    log.forEach((line, i) => {
      const [stamp, n, ...date] = line.split(' ')
      // the count goes on from part to part (the script's variable i), a second apart, from the container's start
      expect(n).toBe(`${i}:`)
      expect(Date.parse(stamp)).toBe(start + i * 1000)
      // `date` in the script tells the time the line was written
      expect(Date.parse(date.join(' ').replace(/ UTC /, ' '))).toBe(start + i * 1000)
    })
    expect(lab.nowMs()).toBeLessThan(start + log.length * 1000)
  })

  it('--tail and --since read the last lines; --timestamps is off by default', async () => {
    const all = lines(await out('kubectl logs counter'))
    expect(lines(await out('kubectl logs counter --tail=3'))).toEqual(all.slice(-3))
    // lines written at or after now-3s: the last 4 (one a second, the last one written now or within the second before)
    const since = lines(await out('kubectl logs counter --since=3s'))
    expect(since.length).toBeGreaterThanOrEqual(3)
    expect(since.length).toBeLessThanOrEqual(4)
    expect(since).toEqual(all.slice(-since.length))
    expect(all[0]).toMatch(/^0: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/)
  })

  it('kubectl logs -f writes the lines the container prints while it follows, until Ctrl+C kills it', async () => {
    const before = lines(await out('kubectl logs counter'))
    const r = await pacedRun(lab, 'kubectl logs -f counter', 5)
    expect(r.exitCode).toBe(130)
    const followed = lines(r.stdout)
    expect(followed.slice(0, before.length)).toEqual(before)
    // four rounds of a second each: four more lines, counting on
    expect(followed.length).toBe(before.length + 4)
    followed.forEach((line, i) => expect(line.startsWith(`${i}: `)).toBe(true))
  })

  it('kubectl attach streams what the process prints from then on', async () => {
    const last = Number(lines(await out('kubectl logs counter --tail=1'))[0].split(':')[0])
    const r = await pacedRun(lab, 'kubectl attach counter -q', 4)
    expect(r.exitCode).toBe(130)
    // three rounds of a second: the next three counts, nothing printed before the attach
    expect(lines(r.stdout).map((l) => l.split(':')[0])).toEqual([last + 1, last + 2, last + 3].map(String))
  })

  it('goes on where it was in a lab restored from a snapshot, with its variables', async () => {
    const again = await createLab({ state: JSON.parse(JSON.stringify(lab.snapshot())) })
    const before = lines(await out('kubectl logs counter', again))
    await out('lab advance 5s', again)
    const after = lines(await out('kubectl logs counter', again))
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.length).toBe(before.length + 5)
    after.forEach((line, i) => expect(line.startsWith(`${i}: `)).toBe(true))
  })

  it('a long jump of the clock runs only the last rounds before its end', async () => {
    const l = await createLab({ seed: 'stepped-jump' })
    await out(COUNTER, l)
    await out('kubectl wait --for=condition=Ready pod/counter', l)
    const before = lines(await out('kubectl logs counter', l)).length
    const ran = await out('lab advance 1d', l)
    const steps = Number(/(\d+) script steps?/.exec(ran)?.[1] ?? 0)
    expect(steps).toBeGreaterThanOrEqual(MAX_ROUNDS)
    expect(steps).toBeLessThanOrEqual(MAX_ROUNDS + 2)
    const log = lines(await out('kubectl logs counter --timestamps', l))
    // the last line was written within the last second of the jump
    expect(l.nowMs() - Date.parse(log[log.length - 1].split(' ')[0])).toBeLessThan(1000)
    expect(log.length - before).toBeGreaterThanOrEqual(MAX_ROUNDS)
    expect(log.length - before).toBeLessThanOrEqual(MAX_ROUNDS + 1)
  })

  it('a part that never ends (a loop without a sleep) holds the script there for good, printing no more', async () => {
    const l = await createLab({ seed: 'stepped-stuck' })
    await out("kubectl run hog --image=busybox -- sh -c 'while true; do echo start; while true; do :; done; sleep 1; done'", l)
    await out('kubectl wait --for=condition=Ready pod/hog', l)
    expect(await out('lab advance 1m', l)).not.toMatch(/script step/)
    // what it printed before the loop, and not the lab's notice of its step budget
    expect(await out('kubectl logs hog', l)).toBe('start\n')
    expect(await out("kubectl get pod hog -o jsonpath='{.status.phase}'", l)).toBe('Running')
  })

  it("is no event of the cluster's: the clock's next event is the next work of the cluster, not the script's next part", async () => {
    const l = await createLab({ seed: 'stepped-event' })
    await out(COUNTER, l)
    await out('kubectl wait --for=condition=Ready pod/counter', l)
    // nothing else is scheduled: no next event, while the script's next part is a second away
    expect(l.nextDueAt()).toBeUndefined()
    await out('kubectl run later --image=busybox -- sleep 3600', l)
    // the new pod's start (a second after the kubelet saw it) is the next event
    expect(l.nextDueAt()).toBe(l.nowMs() + 1000)
  })

  it('stops with its pod', async () => {
    const l = await createLab({ seed: 'stepped-stop' })
    await out(COUNTER, l)
    await out('kubectl wait --for=condition=Ready pod/counter', l)
    await out('kubectl delete pod counter --wait=false', l)
    expect(await out('lab advance 2m', l)).not.toMatch(/script step/)
  })
})

describe('a script that prints, sleeps and prints again', () => {
  it('writes each part when it runs; the container ends after the last sleep', async () => {
    await out("kubectl run steps --image=busybox --restart=Never -- sh -c 'echo one; sleep 5; echo two; sleep 5; echo three'")
    await out('kubectl wait --for=condition=Ready pod/steps')
    const start = await startedAt('steps')
    expect(await out('kubectl logs steps')).toBe('one\n')
    await out(`lab advance ${start + 5000 - lab.nowMs()}ms`)
    expect(await out('kubectl logs steps --timestamps')).toBe(`${iso(start)} one\n${iso(start + 5000)} two\n`)
    await out('lab advance 10s')
    expect(await out('kubectl logs steps')).toBe('one\ntwo\nthree\n')
    expect(await out("kubectl get pod steps -o jsonpath='{.status.phase}'")).toBe('Succeeded')
  })

  it("ends with its last command's status, as the real busybox sh does: a failing cat makes the container's exit code 1 (Error)", async () => {
    requireTools('busybox')
    const [real] = await runBatch([{ shell: "busybox sh -c 'busybox echo a; busybox sleep 0; busybox cat /nope'" }])
    await out("kubectl run fails --image=busybox --restart=Never -- sh -c 'echo a; sleep 2; cat /nope'")
    await out('lab advance 15s')
    const state = JSON.parse(await out("kubectl get pod fails -o jsonpath='{.status.containerStatuses[0].state.terminated}'"))
    expect(real.exitCode).toBe(1)
    expect(state).toMatchObject({ exitCode: real.exitCode, reason: 'Error' })
    expect(await out("kubectl get pod fails -o jsonpath='{.status.phase}'")).toBe('Failed')
    // also when the kubelet's sync for the container's end was scheduled before the last part (at the same instant)
    await out("kubectl run fails2 --image=busybox --restart=Never -- sh -c 'echo one; sleep 5; echo two; sleep 5; cat /nope'")
    await out('lab advance 30s')
    expect(JSON.parse(await out("kubectl get pod fails2 -o jsonpath='{.status.containerStatuses[0].state.terminated}'"))).toMatchObject({ exitCode: 1, reason: 'Error' })
  })

  it('restarted (restartPolicy Always), each run prints the same parts from its own start; -p shows the run before', async () => {
    await out("kubectl run again --image=busybox -- sh -c 'echo one; sleep 5; echo two'")
    await out("kubectl wait --for=jsonpath='{.status.containerStatuses[0].restartCount}'=1 pod/again --timeout=2m")
    await out("kubectl wait --for=jsonpath='{.status.containerStatuses[0].state.running}' pod/again --timeout=2m")
    const start = await startedAt('again')
    expect(await out('kubectl logs again --timestamps')).toBe(`${iso(start)} one\n`)
    expect(await out('kubectl logs again -p')).toBe('one\ntwo\n')
  })

  it('the token a pod reads in a loop is the one the kubelet last wrote: the refreshes show in its log', async () => {
    const l = await createLab({ seed: 'stepped-token' })
    await out("kubectl run reader --image=busybox -- sh -c 'while true; do echo \"$(date +%s) $(cat /var/run/secrets/kubernetes.io/serviceaccount/token)\"; sleep 300; done'", l)
    await out('kubectl wait --for=condition=Ready pod/reader', l)
    await out('lab advance 3h', l)
    const seen = lines(await out('kubectl logs reader', l)).map((line) => {
      const [at, token] = line.split(' ')
      return { at: Number(at) * 1000, iat: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).iat * 1000 }
    })
    expect(seen.length).toBeGreaterThanOrEqual(36)
    const issued = [...new Set(seen.map((s) => s.iat))]
    // a 1h token (3607 s) is refreshed after 80 % of its life: three or four over three hours
    expect(issued.length).toBeGreaterThanOrEqual(3)
    for (let i = 0; i < seen.length; i++) {
      expect(seen[i].iat).toBeLessThanOrEqual(seen[i].at)
      // a new token shows first in the round after it was issued, not before
      if (i > 0 && seen[i].iat !== seen[i - 1].iat) expect(seen[i].iat).toBeGreaterThan(seen[i - 1].at)
    }
  }, 60_000)
})

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')
