import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../../cluster/apiserver/types'
import { FakeLab, runKubectl, status, words } from '../testing/fake'
import { dryRunPodYaml } from '../printers/testdata/dryRunPod'

function lab() {
  return new FakeLab(
    {
      'POST /api/v1/namespaces/sa-demo/pods': (req: ApiRequest) => ({ ...(req.body as object), metadata: { ...(req.body as { metadata: object }).metadata, namespace: 'sa-demo' } }),
      'POST /api/v1/namespaces/default/pods': status(409, 'AlreadyExists', 'pods "app" already exists', { name: 'app', kind: 'pods' }),
    },
    '2026-11-29T15:31:57Z',
  )
}

// kubernetes-objects.md §1a, as kubectl 1.35 prints it (no creationTimestamp).
const POD_1A = dryRunPodYaml

describe('kubectl run', () => {
  it('generates the pod of §1a (--dry-run=client -o yaml)', async () => {
    const r = await runKubectl(lab(), words('run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 -n sa-demo --dry-run=client -o yaml --command -- sleep 100000'))
    expect(r).toEqual({ stdout: POD_1A, stderr: '', exitCode: 0 })
  })
  it('POSTs the generated pod and prints pod/app created', async () => {
    const l = lab()
    const r = await runKubectl(l, words('run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 -n sa-demo --command -- sleep 100000'))
    expect(r).toEqual({ stdout: 'pod/app created\n', stderr: '', exitCode: 0 })
    const req = l.requests[0]
    expect(req.path).toBe('/api/v1/namespaces/sa-demo/pods?fieldManager=kubectl-run&fieldValidation=Strict')
    // the admin certificate's SHA-256 (sha256sum of its DER, as openssl x509 -outform der writes it)
    expect(req.clientCert).toEqual({
      commonName: 'admin',
      organizations: ['system:masters'],
      signedByClusterCA: true,
      credentialId: 'X509SHA256=7b10505d78cddc38d85b687242fc7d4a928ed1324be3ae4341747859f2814bd5',
    })
    expect(JSON.stringify(req.body)).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"app","namespace":"sa-demo","labels":{"run":"app"}},"spec":{"containers":[{"name":"app","image":"registry.k8s.io/e2e-test-images/agnhost:2.45","command":["sleep","100000"],"resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}',
    )
  })
  it('prints AlreadyExists from the server', async () => {
    expect(await runKubectl(lab(), words('run app --image=nginx'))).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): pods "app" already exists\n',
      exitCode: 1,
    })
  })
  it('merges --overrides as a JSON merge patch and keeps struct order in -o json', async () => {
    const r = await runKubectl(lab(), [
      'run', 'x', '--image=y', '--dry-run=client', '-o', 'json',
      '--overrides={"spec":{"serviceAccountName":"build-robot","containers":[{"name":"other"}]},"metadata":{"labels":null}}',
    ])
    expect(r.stdout).toBe(`{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "x"
    },
    "spec": {
        "containers": [
            {
                "name": "other",
                "resources": {}
            }
        ],
        "restartPolicy": "Always",
        "dnsPolicy": "ClusterFirst",
        "serviceAccountName": "build-robot"
    },
    "status": {}
}
`)
  })
  it('rejects malformed overrides and other bad input with kubectl\'s messages', async () => {
    const err = async (argv: string[]) => (await runKubectl(lab(), argv)).stderr
    expect(await err(['run', 'x', '--image=y', '--overrides={bad', '--dry-run=client', '-o', 'yaml'])).toBe('error: Invalid JSON Patch\n')
    expect(await err(['run', 'x', '--image=y', '--overrides=[1]', '--dry-run=client'])).toBe(
      'error: couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }\n',
    )
    expect(await err(words('run x --dry-run=client'))).toBe('error: required flag(s) "image" not set\n')
    expect(await err(words('run --image=y'))).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n")
    expect(await err(words('run x --image=y --restart=Bogus'))).toBe("error: invalid restart policy: Bogus\nSee 'kubectl run -h' for help and examples\n")
    expect(await err(words('run x --image=y --dry-run=bogus'))).toBe('error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n')
    expect(await err(words('run x --image=y --labels=bad'))).toBe('error: unexpected label spec: bad\n')
    expect(await err(words('run x --image=y --env=bad'))).toBe('error: invalid env: bad\n')
  })
  it('prints the dry-run and name forms', async () => {
    expect((await runKubectl(lab(), words('run x --image=y --dry-run=client'))).stdout).toBe('pod/x created (dry run)\n')
    expect((await runKubectl(lab(), words('run x --image=y --dry-run=client -o name'))).stdout).toBe('pod/x\n')
    expect((await runKubectl(lab(), ['run', 'x', '--image=y', '--dry-run=client', '-o', 'jsonpath={.spec.containers[0].image}'])).stdout).toBe('y')
  })
})
