// kubectl run -it -- sh: the container's main process is the shell the student types into (PID 1);
// when it ends, so does the container, and kubectl run goes on as run.go does: the reattach hint
// with restartPolicy Always, the exit code with Never, --rm's delete. The notices and messages are
// kubectl 1.35's (run.go, attach.go). `$?` after a container shell is the kubectl command's status,
// for kubectl exec -it too.
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'

let lab: Lab
const run = (line: string) => lab.run(line)
const NOTICE =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
  "If you don't see a command prompt, try pressing enter.\n"

beforeAll(async () => {
  lab = await createLab({ seed: 'attach' })
}, 60_000)

describe('kubectl run -it -- sh', () => {
  it('--rm --restart=Never: the shell is PID 1 of the pod; exit 3 ends the pod, deletes it and is kubectl run\'s status', async () => {
    expect(await run('kubectl run dbg --rm -it --restart=Never --image=busybox -- sh')).toEqual({ stdout: '', stderr: NOTICE, exitCode: 0 })
    expect(lab.prompt()).toBe('/ # ')
    expect((await run('echo $$')).stdout).toBe('1\n')
    expect((await run('cat /var/run/secrets/kubernetes.io/serviceaccount/namespace')).stdout).toBe('default')
    expect(await run('exit 3')).toEqual({ stdout: 'pod "dbg" deleted from default namespace\n', stderr: 'pod default/dbg terminated (Error)\n', exitCode: 3 })
    expect(lab.prompt()).toBeUndefined()
    expect((await run('echo $?')).stdout).toBe('3\n')
    expect((await run('kubectl get pod dbg')).stderr).toBe('Error from server (NotFound): pods "dbg" not found\n')
  })

  it('restartPolicy Always, no --rm: the reattach hint, and the container has completed', async () => {
    await run('kubectl run keep -it --image=busybox -- sh')
    expect((await run('hostname')).stdout).toBe('keep\n')
    expect(await run('exit')).toEqual({ stdout: "Session ended, resume using 'kubectl attach keep -c keep -i -t' command when the pod is running\n", stderr: '', exitCode: 0 })
    const state = JSON.parse((await run("kubectl get pod keep -o jsonpath='{.status.containerStatuses[0].state}'")).stdout)
    expect(state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })

  it('-q says nothing of the session or the delete; Ctrl+D ends the shell as exit does', async () => {
    expect(await run('kubectl run quiet --rm -q -it --restart=Never --image=busybox -- sh')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(await lab.endOfInput()).toBe(true)
    expect(lab.prompt()).toBeUndefined()
    expect((await run('kubectl get pods quiet')).exitCode).toBe(1)
  })

  it('refused by RBAC (create pods/attach): handleAttachPod warns and falls back to the log, then waits for the pod (--rm deletes it)', async () => {
    for (const line of [
      'kubectl create sa dev',
      'kubectl create role runner --verb=create,get,list,watch,delete --resource=pods,pods/log',
      'kubectl create rolebinding dev-runner --role=runner --serviceaccount=default:dev',
    ])
      expect((await run(line)).exitCode).toBe(0)
    const r = await run('kubectl run x -it --rm --restart=Never --image=busybox --as=system:serviceaccount:default:dev -- sh')
    expect(r).toEqual({
      stdout: 'pod "x" deleted from default namespace\n',
      stderr:
        NOTICE +
        'warning: couldn\'t attach to pod/x, falling back to streaming logs: pods "x" is forbidden: User "system:serviceaccount:default:dev" cannot create resource "pods/attach" in API group "" in the namespace "default"\n' +
        'error: timed out waiting for the condition\n',
      exitCode: 1,
    })
    expect(lab.prompt()).toBeUndefined()
  })

  it('kubectl exec -it: $? after the shell is its status', async () => {
    await run('kubectl run app --image=busybox -- sleep 3600')
    await run('kubectl wait --for=condition=Ready pod/app')
    await run('kubectl exec -it app -- sh')
    expect(await run('exit 4')).toEqual({ stdout: '', stderr: 'command terminated with exit code 4\n', exitCode: 4 })
    expect((await run('echo $?')).stdout).toBe('4\n')
    expect(JSON.parse((await run("kubectl get pod app -o jsonpath='{.status.containerStatuses[0].state}'")).stdout)).toHaveProperty('running')
  })
})
