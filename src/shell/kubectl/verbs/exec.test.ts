import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl, words } from '../testing/fake'
import { pod } from '../testing/fixtures'

function lab(result = { stdout: 'token-file\n', stderr: '', exitCode: 0 }) {
  return new FakeLab(
    {
      'GET /api/v1/namespaces/sa-demo/pods/app': pod,
      'POST /api/v1/namespaces/sa-demo/pods/app/exec': { kind: 'ExecResult', ...result },
    },
    '2026-11-29T15:38:59Z',
  )
}

describe('kubectl exec', () => {
  it('POSTs pods/app/exec with the command and prints the output', async () => {
    const l = lab()
    const r = await runKubectl(l, words('exec app -n sa-demo -- ls /var/run/secrets/kubernetes.io/serviceaccount'))
    expect(r).toEqual({ stdout: 'token-file\n', stderr: '', exitCode: 0 })
    expect(l.requests[1].path).toBe(
      '/api/v1/namespaces/sa-demo/pods/app/exec?command=ls&command=%2Fvar%2Frun%2Fsecrets%2Fkubernetes.io%2Fserviceaccount&container=app&stderr=true&stdout=true',
    )
  })
  it('exits with the command\'s code and says so on stderr', async () => {
    const r = await runKubectl(lab({ stdout: '', stderr: 'cat: /x: No such file or directory\n', exitCode: 1 }), words('exec app -n sa-demo -c app -- cat /x'))
    expect(r).toEqual({ stdout: '', stderr: 'cat: /x: No such file or directory\ncommand terminated with exit code 1\n', exitCode: 1 })
  })
  it('accepts -it', async () => {
    const l = lab()
    expect((await runKubectl(l, words('exec -it app -n sa-demo -- cat /etc/hostname'))).exitCode).toBe(0)
    expect(l.requests[1].path).toContain('container=app&stdin=true&stdout=true&tty=true')
  })
  it('gives kubectl 1.35\'s usage errors', async () => {
    const err = async (line: string) => (await runKubectl(lab(), words(line))).stderr
    expect(await err('exec app ls')).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    )
    expect(await err('exec app')).toBe('error: you must specify at least one command for the container\n')
    expect(await err('exec')).toBe('error: pod, type/name or --filename must be specified\n')
    expect(await err('exec -c')).toBe("error: flag needs an argument: 'c' in -c\nSee 'kubectl exec --help' for usage.\n")
  })
  it('a shell without -i goes to the container like any command (it reads no input there)', async () => {
    const l = lab()
    for (const line of ['exec app -n sa-demo -- sh', 'exec -t app -n sa-demo -- sh', 'exec -it app -n sa-demo -- sh']) {
      expect((await runKubectl(l, words(line))).exitCode, line).toBe(0)
    }
    expect(l.requests.filter((r) => r.path.includes('/exec?')).map((r) => r.path.split('?')[1])).toEqual([
      'command=sh&container=app&stderr=true&stdout=true',
      'command=sh&container=app&stderr=true&stdout=true',
      'command=sh&container=app&stdin=true&stdout=true&tty=true',
    ])
  })
})
