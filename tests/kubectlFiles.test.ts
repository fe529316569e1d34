// kubectl apply/delete -f against the lab's API server: what is created and deleted, and the
// messages kubectl prints (delete's NotFound wrapped with the file name, as cmdutil.AddSourceToErr does).
import { describe, expect, it } from 'vitest'
import { createLab } from '../src/app/lab'

const MANIFEST = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: robot
  namespace: sa-demo
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
  namespace: sa-demo
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list"]
`

describe('kubectl apply and delete with -f', () => {
  it('creates, deletes, and says what was not found', async () => {
    const lab = await createLab({ seed: 'files' })
    await lab.run('kubectl create ns sa-demo')
    lab.writeFile('sa.yaml', MANIFEST)
    expect((await lab.run('kubectl apply -f sa.yaml')).stdout).toBe('serviceaccount/robot created\nrole.rbac.authorization.k8s.io/pod-reader created\n')
    expect((await lab.run('kubectl apply -f sa.yaml')).stdout).toBe('serviceaccount/robot unchanged\nrole.rbac.authorization.k8s.io/pod-reader unchanged\n')
    const del = await lab.run('kubectl delete -f sa.yaml')
    expect(del.stdout).toBe('serviceaccount "robot" deleted from sa-demo namespace\nrole.rbac.authorization.k8s.io "pod-reader" deleted from sa-demo namespace\n')
    expect((await lab.run('kubectl -n sa-demo get sa robot')).stderr).toBe('Error from server (NotFound): serviceaccounts "robot" not found\n')
    const again = await lab.run('kubectl delete -f sa.yaml')
    expect(again.exitCode).toBe(1)
    expect(again.stderr).toBe(
      'Error from server (NotFound): error when deleting "sa.yaml": serviceaccounts "robot" not found\n' +
        'Error from server (NotFound): error when deleting "sa.yaml": roles.rbac.authorization.k8s.io "pod-reader" not found\n')
    expect(await lab.run('kubectl delete -f sa.yaml --ignore-not-found')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
    expect((await lab.run('kubectl delete -f sa.yaml sa robot')).stderr)
      .toBe('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n')
  })
})
