import { describe, expect, it } from 'vitest'
import { CommandLost } from '../state/controller'
import type { EditRequest, LabEvent } from '../state/labPort'
import { serveLab, type Port } from './labServer'
import type { FromWorker, ToWorker } from './protocol'
import { WorkerLab, type WorkerLike } from './workerClient'

/** A worker in this thread: messages are cloned and delivered in later tasks, as between threads. */
function inProcessWorker(opts: { stuck: () => boolean }): WorkerLike {
  let dead = false
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m: ToWorker) => {
      if (dead) return
      // A stuck worker never answers a command (as if it held its thread).
      if (m.kind === 'call' && m.call.op === 'run' && opts.stuck()) return
      setTimeout(() => !dead && port.onmessage?.({ data: structuredClone(m) }))
    },
    terminate: () => {
      dead = true
    },
  }
  const port: Port = {
    onmessage: null,
    postMessage: (m: FromWorker) => setTimeout(() => !dead && w.onmessage?.({ data: structuredClone(m) })),
  }
  serveLab(port)
  return w
}

function setup(over: { runBudgetMs?: number; graceMs?: number; onEdit?: (r: EditRequest) => Promise<string | undefined> } = {}) {
  let stuck = false
  const events: LabEvent[] = []
  const lab = new WorkerLab(
    {
      spawn: () => inProcessWorker({ stuck: () => stuck }),
      onEvent: (e) => events.push(e),
      onEdit: over.onEdit ?? (async () => undefined),
      graceMs: over.graceMs ?? 30,
      runBudgetMs: over.runBudgetMs,
    },
    { seed: '1' },
  )
  return { lab, events, stick: (v: boolean) => (stuck = v) }
}

describe('the lab in a worker, seen from the page', () => {
  it('runs commands through messages, streaming their output, and sends updates', async () => {
    const { lab, events } = setup()
    await lab.start()
    expect(lab.seed).toBe('1')
    const chunks: string[] = []
    const r = await lab.run('echo hello; echo oops >&2', (c) => chunks.push(`${c.stream}:${c.text}`))
    expect(r).toEqual({ stdout: 'hello\n', stderr: 'oops\n', exitCode: 0 })
    expect(chunks).toEqual(['stdout:hello\n', 'stderr:oops\n'])
    const last = events.filter((e) => e.type === 'update').at(-1)
    expect(last?.type === 'update' && last.update.history).toMatchObject({ items: ['echo hello; echo oops >&2'] })
    expect(await lab.needsMoreInput("echo 'a")).toBe(true)
    expect((await lab.complete('kubec', 5)).candidates).toContain('kubectl')
  })

  it('Ctrl+C on a command that does not stop: restarts the worker from the state before it', async () => {
    const { lab, stick } = setup()
    await lab.start()
    await lab.run('kubectl create namespace kept')
    await lab.snapshot() // the page takes one after every command
    stick(true)
    const lost = lab.run('kubectl create namespace lost')
    await new Promise((r) => setTimeout(r, 5))
    lab.interrupt()
    await expect(lost).rejects.toThrow(CommandLost)
    await expect(lost).rejects.toThrow('The command did not stop within 0 s of Ctrl+C; the lab was restarted from its state before it.')
    expect(lab.restarts).toBe(1)
    stick(false)
    const r = await lab.run('kubectl get ns kept lost')
    expect(r.stdout).toMatch(/^NAME\s+STATUS\s+AGE\nkept\s+Active/)
    expect(r.stderr).toBe('Error from server (NotFound): namespaces "lost" not found\n')
  })

  it('stops a command that runs past its time budget', async () => {
    const { lab, stick } = setup({ runBudgetMs: 40 })
    await lab.start()
    stick(true)
    await expect(lab.run('echo never')).rejects.toThrow('The command ran longer than 0 s, the limit of one command')
    stick(false)
    expect((await lab.run('echo again')).stdout).toBe('again\n')
  })

  it("a live command's waits between refreshes do not count against the time budget", async () => {
    // Waits of 400 ms against a budget of 150 ms (a refresh itself, on a busy machine, may take tens
    // of milliseconds; a Ctrl+C that comes while one runs may take more than 30 ms to stop it)
    const { lab } = setup({ runBudgetMs: 150, graceMs: 1000 })
    await lab.start()
    const chunks: string[] = []
    const watching = lab.run('watch -n 0.4 echo tick', (c) => chunks.push(c.text))
    await new Promise((r) => setTimeout(r, 1400))
    lab.interrupt()
    expect((await watching).exitCode).toBe(0)
    // several refreshes, each wait past the budget: only Ctrl+C ended it
    expect(chunks.join('').match(/^tick$/gm)?.length ?? 0).toBeGreaterThanOrEqual(3)
    expect(lab.restarts).toBe(0)
  })

  it('opens the page editor for nano across the boundary', async () => {
    const asked: EditRequest[] = []
    const { lab } = setup({
      onEdit: async (r) => {
        asked.push(r)
        return 'edited in the page\n'
      },
    })
    await lab.start()
    await lab.run('nano notes.txt')
    expect(asked.map((r) => r.path)).toEqual(['/root/notes.txt'])
    expect((await lab.run('cat notes.txt')).stdout).toBe('edited in the page\n')
  })
})
