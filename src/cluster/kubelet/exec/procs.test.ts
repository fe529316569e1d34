// The container's processes through the kubelet's exec: PID 1 from the pod's command line, a PID
// per exec from the container's counter (kept in the pod's record, so a saved lab goes on from
// where it was), busybox ps only where the image has it, and the runtime's /dev as busybox ls
// shows it (against the real busybox on this machine, dates aside).
import { describe, expect, it } from 'vitest'
import { T0, podObject, firstNodeKubelet } from '../testing'
import type { ExecResult } from '../../apiserver/types'
import type { KubeletState } from '../state'
import { requireTools, runBatch } from '../../../shell/testing/realTools'
import { execPids, initCmdline, processTable, type ContainerPids } from './procs'
import type { ContainerShell } from './containerShell'
import { runStartAt } from '../timeline'

async function setup() {
  const { ctx, kubelet } = await firstNodeKubelet('exec')
  ctx.store.create('pods', podObject(ctx))
  ctx.store.create('pods', podObject(ctx, { name: 'web', image: 'nginx:1.27' }))
  await ctx.runDue(T0 + 5000)
  const run = async (pod: string, ...cmd: string[]) => (await kubelet.exec('sa-demo', pod, undefined, cmd)) as ExecResult
  return { ctx, kubelet, run }
}

const HEADER = 'PID   USER     TIME  COMMAND\n'

describe('processes of a container', () => {
  it('ps shows PID 1 (the pod command line) and itself; every exec takes the next PID', async () => {
    const { run } = await setup()
    expect(await run('app', 'ps')).toEqual({ kind: 'ExecResult', stdout: `${HEADER}    1 root      0:00 sleep 100000\n    2 root      0:00 ps\n`, stderr: '', exitCode: 0 })
    await run('app', 'true')
    expect((await run('app', '/bin/ps', '-o', 'pid,ppid,pgid,stat,tty,args')).stdout).toBe(
      'PID   PPID  PGID  STAT TT     COMMAND\n    1     0     1 S    ?      sleep 100000\n    4     0     4 R    ?      /bin/ps -o pid,ppid,pgid,stat,tty,args\n')
  })

  it('the counter lives in the pod record: a restored kubelet goes on from the saved PID', async () => {
    const { kubelet, run } = await setup()
    await run('app', 'ps')
    const saved = kubelet.snapshot() as KubeletState
    const rec = Object.values(saved.pods).find((p) => p.name === 'app')!
    expect(rec.containers[0].lastPid).toEqual({ run: 0, pid: 2 })
    await run('app', 'ps')
    await run('app', 'ps')
    kubelet.restore(JSON.parse(JSON.stringify(saved)))
    expect((await run('app', 'ps')).stdout).toBe(`${HEADER}    1 root      0:00 sleep 100000\n    3 root      0:00 ps\n`)
  })

  it('a restarted container is a new PID namespace: its PIDs start again after 1', () => {
    const c = { name: 'app', image: 'busybox', containerID: 'x', imageID: 'y', pulled: true, startedAt: 0, exit: { exitMs: 10_000, code: 1 } }
    const first = execPids(c, 'Always', 5_000, ['sh', '-c', 'sleep 10; exit 1'], ['ps'])
    expect([first.pid, first.spawn()]).toEqual([2, 3])
    // 2 s into the second run (the kubelet restarted it after the first exited)
    const at = runStartAt(0, c.exit, 1) + 2_000
    expect(at).toBeGreaterThan(10_000)
    const second = execPids(c, 'Always', at, ['sh', '-c', 'sleep 10; exit 1'], ['ps'])
    expect(second.pid).toBe(2)
    expect(second.initElapsed).toBe(2)
    expect(c).toMatchObject({ lastPid: { run: 1, pid: 2 } })
  })

  it('each PID taken is told, also by a shell that stays open: the kubelet copies its state again', async () => {
    const { kubelet } = await setup()
    let kept: ContainerPids | undefined
    const shell = { run: async (_c: string[], p: { pids?: ContainerPids }) => ((kept = p.pids), { stdout: '', stderr: '', exitCode: 0 }) } as unknown as ContainerShell
    await kubelet.exec('sa-demo', 'app', undefined, ['sh'], { shell, tty: true })
    const shared = kubelet.snapshot(true)
    expect(kubelet.snapshot(true)).toBe(shared)
    // later, as an open shell starts a job
    const pid = kept!.spawn()
    const again = kubelet.snapshot(true)
    expect(again).not.toBe(shared)
    expect(again).toEqual(kubelet.snapshot())
    expect(JSON.stringify(again)).toContain(`"lastPid":{"run":0,"pid":${pid}}`)
  })

  it('the shell kubectl exec -t starts leads its session on /dev/pts/0; with job control its children lead their groups', () => {
    const pids = { init: ['/agnhost', 'pause'], initElapsed: 65, pid: 7, argv: ['sh'], spawn: () => 9 }
    const t = processTable(pids, true, [{ pid: 8, argv: ['sleep', '100'], elapsed: 3 }, { pid: 9, argv: ['ps'], running: true }], true)
    expect(t.map((p) => [p.pid, p.ppid, p.pgid, p.sid, p.tty?.join(','), p.state, p.elapsed])).toEqual([
      [1, 0, 1, 1, undefined, 'S', 65], [7, 0, 7, 7, '136,0', 'S', 0], [8, 7, 8, 7, '136,0', 'S', 3], [9, 7, 9, 7, '136,0', 'R', 0],
    ])
    expect(processTable(pids, false, [{ pid: 9, argv: ['ps'], running: true }], false)[2].pgid).toBe(7)
  })

  it("PID 1's command line: entrypoint scripts exec their command, nginx's master retitles itself", () => {
    expect(initCmdline(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'])).toEqual(['nginx: master process nginx -g daemon off;'])
    expect(initCmdline(['/entrypoint.sh', 'curl', '-s', 'http://x'])).toEqual(['curl', '-s', 'http://x'])
    expect(initCmdline(['/agnhost', 'pause'])).toEqual(['/agnhost', 'pause'])
  })

  it('nginx (Debian, no procps) has no ps: the runtime cannot find it', async () => {
    const { kubelet } = await setup()
    const r = (await kubelet.exec('sa-demo', 'web', undefined, ['ps'])) as ExecResult
    expect(r).toMatchObject({ stderr: expect.stringContaining('exec: "ps": executable file not found in $PATH: unknown\n'), exitCode: 126 })
  })
})

describe("the container's /dev", () => {
  it('busybox ls -l shows its character devices as the real busybox does (dates aside)', async () => {
    requireTools('busybox')
    const paths = ['/dev/null', '/dev/random', '/dev/tty', '/dev/urandom', '/dev/zero']
    const [real] = await runBatch([{ argv: ['busybox', 'ls', '-l', ...paths] }])
    const { run } = await setup()
    const lab = await run('app', 'ls', '-l', ...paths)
    const date = (s: string) => s.replace(/ [A-Z][a-z]{2} [ \d]\d (?:\d\d:\d\d| \d{4}) /g, ' DATE ')
    expect(date(lab.stdout)).toBe(date(real.stdout))
    expect(lab.stdout).toContain('crw-rw-rw-    1 root     root        1,   5 ')
    expect((await run('app', 'cat', '/dev/null'))).toEqual({ kind: 'ExecResult', stdout: '', stderr: '', exitCode: 0 })
    expect((await run('app', 'ls', '/dev')).stdout).toBe('mqueue\nnull\npts\nrandom\nshm\ntermination-log\ntty\nurandom\nzero\n')
  })
})
