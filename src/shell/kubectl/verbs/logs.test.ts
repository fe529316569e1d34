// kubectl logs by name and by selector, with --prefix and --all-containers, as kubectl 1.35's
// logs.go and polymorphichelpers/logsforobject.go ask for logs and write them: a selector's logs
// are each pod's last 10 lines unless --tail says otherwise, --prefix writes `[pod/NAME/CONTAINER] `
// before each line, --all-containers asks for init containers, then containers, then ephemeral ones.

import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../../cluster/apiserver/types'
import { FakeLab, runKubectl, words } from '../testing/fake'
import { pod } from '../testing/fixtures'

const named = (name: string, extra: object = {}) => ({ ...pod, metadata: { ...pod.metadata, name, labels: { app: 'x' } }, ...extra })
const two = named('two', { spec: { ...pod.spec, initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'main', image: 'busybox' }, { name: 'side', image: 'busybox' }] } })

function lab() {
  const logs: string[] = []
  const log = (text: string) => (req: ApiRequest) => {
    logs.push(req.path)
    return [200, text] as [number, unknown]
  }
  const l = new FakeLab(
    {
      'GET /api/v1/namespaces/sa-demo/pods': { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [named('a'), named('b')] },
      'GET /api/v1/namespaces/sa-demo/pods/a': named('a'),
      'GET /api/v1/namespaces/sa-demo/pods/two': two,
      'GET /api/v1/namespaces/sa-demo/pods/a/log': log('one\ntwo\n'),
      'GET /api/v1/namespaces/sa-demo/pods/b/log': log('three\nno newline'),
      'GET /api/v1/namespaces/sa-demo/pods/two/log': (req: ApiRequest) => log(`${new URL(req.path, 'http://x').searchParams.get('container')} up\n`)(req),
    },
    '2026-11-29T15:38:59Z',
  )
  return { l, logs }
}

describe('kubectl logs', () => {
  it('by selector: every matching pod, 10 lines each unless --tail says, prefixed with --prefix', async () => {
    const { l, logs } = lab()
    expect(await runKubectl(l, words('logs -n sa-demo -l app=x'))).toEqual({ stdout: 'one\ntwo\nthree\nno newline', stderr: '', exitCode: 0 })
    expect(logs).toEqual(['/api/v1/namespaces/sa-demo/pods/a/log?container=app&tailLines=10', '/api/v1/namespaces/sa-demo/pods/b/log?container=app&tailLines=10'])
    logs.length = 0
    expect((await runKubectl(l, words('logs -n sa-demo -l app=x --prefix --tail=-1'))).stdout).toBe('[pod/a/app] one\n[pod/a/app] two\n[pod/b/app] three\n[pod/b/app] no newline')
    expect(logs).toEqual(['/api/v1/namespaces/sa-demo/pods/a/log?container=app', '/api/v1/namespaces/sa-demo/pods/b/log?container=app'])
    expect(await runKubectl(l, words('logs -n sa-demo -l app=none'))).toEqual({ stdout: '', stderr: 'No resources found in sa-demo namespace.\n', exitCode: 0 })
  })
  it('by name: the default container with a note, or every container with --all-containers', async () => {
    const { l } = lab()
    expect(await runKubectl(l, words('logs -n sa-demo a --prefix'))).toEqual({ stdout: '[pod/a/app] one\n[pod/a/app] two\n', stderr: '', exitCode: 0 })
    expect(await runKubectl(l, words('logs -n sa-demo two'))).toEqual({ stdout: 'main up\n', stderr: 'Defaulted container "main" out of: main, side, init (init)\n', exitCode: 0 })
    expect(await runKubectl(l, words('logs -n sa-demo two --all-containers --prefix'))).toEqual({ stdout: '[pod/two/init] init up\n[pod/two/main] main up\n[pod/two/side] side up\n', stderr: '', exitCode: 0 })
  })
  it('refuses a selector with a name, and --all-containers with a container', async () => {
    const { l } = lab()
    expect(await runKubectl(l, words('logs -n sa-demo a -l app=x'))).toEqual({ stdout: '', stderr: "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n", exitCode: 1 })
    expect(await runKubectl(l, words('logs -n sa-demo a --all-containers -c app'))).toEqual({ stdout: '', stderr: 'error: --all-containers=true should not be specified with container name app\n', exitCode: 1 })
  })
})
