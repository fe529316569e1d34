// kubectl attach: attach.go's checks and messages, the session with a container's shell (a pod made
// with stdin and tty), and the stream of any other process, which lasts as long as its run: the
// lab's processes print only as they start, so kubectl waits until the run ends, or until Ctrl+C
// (kubectl's interrupt handler with -i, status 1; killed without, 130). Ctrl+C here is the host's
// pace saying false, as the page's worker does.
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'
import { pacedRun } from './pacedTesting'

let lab: Lab
const run = (line: string) => lab.run(line)
const NOTICE =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
  "If you don't see a command prompt, try pressing enter.\n"

const paced = (line: string, stopAt?: number) => pacedRun(lab, line, stopAt)

beforeAll(async () => {
  lab = await createLab({ seed: 'kubectl-attach' })
  for (const line of [
    "kubectl run talker --image=busybox -- sh -c 'echo ready; sleep infinity'",
    "kubectl run brief --image=busybox --restart=Never -- sh -c 'echo bye; sleep 3'",
    'kubectl run done --image=busybox --restart=Never -- echo finished',
    'kubectl run box --image=busybox --stdin --tty --attach=false -- sh',
    'kubectl wait --for=condition=Ready pod/talker pod/brief pod/box',
  ])
    expect((await run(line)).stderr).toBe('')
}, 60_000)

describe('kubectl attach: checks and messages (attach.go)', () => {
  it('Validate: the arguments and the timeout', async () => {
    expect(await run('kubectl attach')).toEqual({ stdout: '', stderr: 'error: at least 1 argument is required for attach\n', exitCode: 1 })
    expect((await run('kubectl attach a b c')).stderr).toBe('error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n')
    expect((await run('kubectl attach talker --pod-running-timeout=0s')).stderr).toBe('error: --pod-running-timeout must be higher than zero\n')
  })

  it('Run: the pod, a completed one, the container', async () => {
    expect((await run('kubectl attach nope')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect((await run('kubectl attach done')).stderr).toBe('error: cannot attach a container in a completed pod; current phase is Succeeded\n')
    expect((await run('kubectl attach talker -c sidecar')).stderr).toBe('error: cannot attach to the container: container sidecar not found in pod talker\n')
  })

  it('-t on a container without a TTY: the error line, then on without one; -q says nothing of its own', async () => {
    const r = await run('kubectl attach pod/talker -t')
    expect(r.stderr.startsWith(`error: Unable to use a TTY - container talker did not allocate one\n${NOTICE}`)).toBe(true)
    expect(r.exitCode).toBe(0)
    expect((await run('kubectl attach pods talker -q')).stderr).toMatch(/^kubectl attach: the lab stops here \(nothing paces it/)
  })

  it('refused by RBAC: create pods/attach', async () => {
    for (const line of ['kubectl create sa dev', 'kubectl create role reader --verb=get --resource=pods', 'kubectl create rolebinding dev-reader --role=reader --serviceaccount=default:dev'])
      expect((await run(line)).exitCode).toBe(0)
    const r = await run('kubectl attach talker -q --as=system:serviceaccount:default:dev')
    expect(r).toEqual({
      stdout: '',
      stderr: 'Error from server (Forbidden): pods "talker" is forbidden: User "system:serviceaccount:default:dev" cannot create resource "pods/attach" in API group "" in the namespace "default"\n',
      exitCode: 1,
    })
  })
})

describe('kubectl attach: the stream', () => {
  it('lasts as long as the process runs: ends with it, status 0', async () => {
    const r = await paced('kubectl attach brief')
    expect(r).toMatchObject({ stdout: '', stderr: NOTICE, exitCode: 0 })
    expect(r.waits).toBeGreaterThanOrEqual(1)
    expect(r.waits).toBeLessThanOrEqual(4)
  })

  it('Ctrl+C: without -i the SIGINT kills kubectl (^C, 130, the line stops); with -i its handler ends it (^C, 1, the line goes on)', async () => {
    expect(await paced('kubectl attach talker -q; echo after', 2)).toMatchObject({ stdout: '', stderr: '^C\n', exitCode: 130 })
    expect(await paced('kubectl attach talker -q -i; echo "after $?"', 2)).toMatchObject({ stdout: 'after 1\n', stderr: '^C', exitCode: 0 })
  })

  it("-it to a container's shell: the shell takes the terminal; when it ends, the reattach hint (restartPolicy Always)", async () => {
    expect(await run('kubectl attach -it box')).toEqual({ stdout: '', stderr: NOTICE, exitCode: 0 })
    expect((await run('echo $$ $(hostname)')).stdout).toBe('1 box\n')
    expect(await run('exit')).toEqual({ stdout: "Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n", stderr: '', exitCode: 0 })
  })
})

// kubectl run -i (or --attach) without -t, on a pod that runs: handleAttachPod attaches as kubectl
// attach does, and run.go goes on when the stream ends (the exit code with Never, --rm's delete).
describe('kubectl run -i without a terminal, on a process that runs', () => {
  it("waits for the run to end, then run.go's exit code and delete", async () => {
    const r = await paced("kubectl run w --rm -i --restart=Never --image=busybox -- sh -c 'echo hi; sleep 3'")
    expect(r).toMatchObject({ stdout: 'pod "w" deleted from default namespace\n', stderr: NOTICE, exitCode: 0 })
    expect(r.waits).toBeGreaterThanOrEqual(1)
    expect(await paced("kubectl run y -i --restart=Never --image=busybox -- sh -c 'echo a; sleep 2; exit 4'")).toMatchObject({
      stdout: '', stderr: `${NOTICE}pod default/y terminated (Error)\n`, exitCode: 4,
    })
  })

  it("Ctrl+C: kubectl's interrupt handler ends it (^C, status 1) before --rm's delete, which does not run", async () => {
    expect(await paced("kubectl run z --rm -i --image=busybox -- sh -c 'echo z; sleep infinity'", 3)).toMatchObject({ stdout: '', stderr: `${NOTICE}^C`, exitCode: 1 })
    expect((await run("kubectl get pod z -o jsonpath='{.status.phase}'")).stdout).toBe('Running')
  })
})
