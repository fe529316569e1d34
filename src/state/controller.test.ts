import { describe, expect, it } from 'vitest'
import { CommandLost, ECHO_WAIT_MS } from './controller'
import { PS1, PS2 } from './slices/terminal'
import { setupPage } from './testing'

const settle = () => new Promise((r) => setTimeout(r, 0))

/** The lab answers `enter` only once `release()` is called (the worker's answer on its way). */
function holdAnswers(lab: ReturnType<typeof setupPage>['lab']): () => void {
  let release: () => void = () => {}
  const gate = new Promise<void>((r) => (release = r))
  lab.enter = async (text, _owed, onChunk) => {
    await gate
    return { more: false, result: await lab.run(text, onChunk) }
  }
  return () => release()
}

function setup(mode: 'realtime' | 'still' = 'still', wall = { t: 1_000_000 }) {
  const page = setupPage(mode, wall)
  // The terminal slice, as `store` in these tests.
  return { ...page, appStore: page.store, store: { getState: page.term } }
}

describe('TerminalController', () => {
  it('queues lines typed before the lab is ready, then runs them in order', async () => {
    const { ctl, lab, screen, attach, store } = setup()
    ctl.submit('echo one')
    ctl.submit('echo two')
    expect(store.getState().queued).toBe(2)
    attach()
    await settle()
    expect(lab.ran).toEqual(['echo one', 'echo two'])
    expect(screen()).toEqual([`${PS1}echo one`, 'one', `${PS1}echo two`, 'two'])
    expect(store.getState().busy).toBe(false)
    expect(store.getState().queued).toBe(0)
  })

  it('joins lines that need more input, with the continuation prompt', async () => {
    const { ctl, lab, screen, attach, store } = setup()
    attach()
    ctl.submit("echo 'a")
    await settle()
    expect(store.getState().prompt).toBe(PS2)
    ctl.submit("b'")
    await settle()
    expect(lab.ran).toEqual(["echo 'a\nb'"])
    expect(screen().slice(0, 2)).toEqual([`${PS1}echo 'a`, `${PS2}b'`])
    expect(store.getState().prompt).toBe(PS1)
  })

  it('runs each line of a multi-line paste and keeps the rest in the input', async () => {
    const { ctl, lab, attach } = setup()
    attach()
    const rest = ctl.paste('', 'echo 1\necho 2\nech', '')
    expect(rest).toEqual({ value: 'ech', cursor: 3 })
    await settle()
    expect(lab.ran).toEqual(['echo 1', 'echo 2'])
  })

  it('keeps stderr apart from stdout in order', async () => {
    const { ctl, attach, store } = setup()
    attach()
    ctl.submit('fail now')
    await settle()
    const kinds = store.getState().lines.slice(1).map((l) => l.segs.map((s) => s.kind).join())
    expect(kinds).toEqual(['out', 'err', 'out'])
  })

  it('continues the next prompt on an unfinished output line', async () => {
    const { ctl, attach, screen } = setup()
    attach()
    ctl.submit("printf 'no-newline'")
    ctl.submit('echo x')
    await settle()
    expect(screen()).toEqual([`${PS1}printf 'no-newline'`, `no-newline${PS1}echo x`, 'x'])
  })

  it('Ctrl+C abandons the line and a pending continuation', async () => {
    const { ctl, attach, screen, store, lab } = setup()
    attach()
    ctl.submit("echo 'open")
    await settle()
    ctl.interrupt('still open')
    expect(screen()).toEqual([`${PS1}echo 'open`, `${PS2}still open^C`])
    expect(store.getState().prompt).toBe(PS1)
    expect(lab.ran).toEqual([])
  })

  it('clear (and Ctrl+L) empties the screen', async () => {
    const { ctl, attach, screen } = setup()
    attach()
    ctl.submit('echo x')
    ctl.submit('clear')
    await settle()
    expect(screen()).toEqual([])
    ctl.submit('echo y')
    await settle()
    ctl.clearScreen()
    expect(screen()).toEqual([])
  })

  it('completes a word, or lists the candidates and keeps the line', async () => {
    const { ctl, attach, screen } = setup()
    attach()
    expect(await ctl.complete('kubec', 5)).toEqual({ value: 'kubectl ', cursor: 8 })
    expect(await ctl.complete('lab ', 4)).toBeUndefined()
    expect(screen()).toEqual([`${PS1}lab `, 'advance  help     now      reset'])
  })

  it('history includes what ran', async () => {
    const { ctl, attach } = setup()
    attach()
    ctl.submit('echo a')
    ctl.submit('echo b')
    await settle()
    expect(ctl.historyUp('')).toBe('echo b')
    expect(ctl.historyUp('echo b')).toBe('echo a')
    expect(ctl.historyDown()).toBe('echo b')
    expect(ctl.historyDown()).toBe('')
  })

  it('runs window.lab lines in the terminal and resolves with the result', async () => {
    const { ctl, attach, screen, changed } = setup()
    const p = ctl.runFromApi('echo api')
    attach()
    const r = await p
    expect(r).toEqual({ stdout: 'api\n', stderr: '', exitCode: 0 })
    expect(screen()).toEqual([`${PS1}echo api`, 'api'])
    expect(changed()).toBe(1)
  })

  it('realtime mode: the wall time that passed moves the lab clock before a command', async () => {
    const { ctl, attach, lab, wall, appStore } = setup('realtime')
    attach()
    const start = lab.nowMs()
    wall.t += 5_000
    await ctl.runFromApi('echo tick')
    expect(lab.advanced).toEqual([5_000])
    expect(appStore.getState().clock).toMatchObject({ labMs: start + 5_000, wallAnchor: wall.t, mode: 'realtime' })
  })

  it('still mode: the clock moves only when commands move it', async () => {
    const { ctl, clock, attach, lab, wall } = setup('still')
    attach()
    wall.t += 5_000
    await ctl.runFromApi('echo tick')
    expect(lab.advanced).toEqual([])
    await clock.advance(30_000)
    expect(lab.advanced).toEqual([30_000])
  })
})

describe('TerminalController tasks', () => {
  it('runs exclusive tasks in queue order', async () => {
    const { ctl, lab, attach } = setup()
    void ctl.runFromApi('echo a')
    const t = ctl.exclusive(async () => lab.ran.length)
    attach()
    expect(await t).toBe(1)
  })

  it('Ctrl+C while a command runs asks the lab to stop it and drops the lines typed ahead', async () => {
    const { ctl, lab, attach, store } = setup()
    attach()
    const running = ctl.runFromApi('sleepy 20')
    ctl.submit('echo typed-ahead')
    await settle()
    expect(store.getState().busy).toBe(true)
    ctl.interrupt('')
    expect(lab.interrupts).toBe(1)
    expect(store.getState().queued).toBe(0)
    await running
    await settle()
    expect(lab.ran).toEqual(['sleepy 20'])
  })

  it('a command lost with a restarted lab is told as a notice, and the next command runs', async () => {
    const { ctl, lab, attach, screen } = setup()
    attach()
    const run = lab.run.bind(lab)
    lab.run = async () => {
      throw new CommandLost('The command did not stop; the lab was restarted from before it.')
    }
    await expect(ctl.runFromApi('echo lost')).rejects.toThrow('did not stop')
    lab.run = run
    await ctl.runFromApi('echo next')
    expect(screen()).toEqual([`${PS1}echo lost`, 'The command did not stop; the lab was restarted from before it.', `${PS1}echo next`, 'next'])
  })

  it('the prompt follows the working directory the lab reports', async () => {
    const { ctl, attach, store } = setup()
    attach()
    ctl.submit('cd /tmp')
    await settle()
    expect(store.getState().prompt).toBe('root@workstation:/tmp# ')
  })

  it('with a lab that takes a typed line in one message (enter): one call per line, with the time owed', async () => {
    const wall = { t: 1_000_000 }
    const { ctl, lab, screen, attach, store } = setup('realtime', wall)
    const calls: [string, number][] = []
    let asked = 0
    const needs = lab.needsMoreInput.bind(lab)
    lab.needsMoreInput = async (t) => {
      asked++
      return needs(t)
    }
    lab.enter = async (text, owedMs, onChunk) => {
      calls.push([text, owedMs])
      if (await needs(text)) return { more: true }
      if (owedMs > 0) await lab.advance(owedMs)
      if (text.trim() === '') return { more: false }
      return { more: false, result: await lab.run(text, onChunk) }
    }
    attach()
    wall.t += 5_000
    ctl.submit("echo 'a")
    await settle()
    expect(store.getState().prompt).toBe(PS2)
    ctl.submit("b'")
    await settle()
    expect(calls).toEqual([
      ["echo 'a", 5_000],
      ["echo 'a\nb'", 0],
    ])
    expect(asked).toBe(0)
    expect(lab.ran).toEqual(["echo 'a\nb'"])
    expect(screen()).toEqual([`${PS1}echo 'a`, `${PS2}b'`, 'a', 'b'])
    expect(store.getState().prompt).toBe(PS1)
    expect(store.getState().busy).toBe(false)
  })

  it('a typed line is echoed with its first output, and the input is told then', async () => {
    const { ctl, lab, attach, screen, store } = setup()
    const release = holdAnswers(lab)
    attach()
    await settle()
    const taken: string[] = []
    expect(ctl.submit('echo hi', () => taken.push(screen().join('|')))).toBe(true)
    await settle()
    // nothing on the page yet: no echo, not busy, the input not told
    expect(screen()).toEqual([])
    expect(store.getState().busy).toBe(false)
    expect(taken).toEqual([])
    // typed meanwhile: it waits its turn and the input is cleared at once (no callback taken)
    expect(ctl.submit('echo two', () => taken.push('never'))).toBe(false)
    expect(store.getState().queued).toBe(1)
    release()
    await settle()
    await settle()
    expect(taken).toEqual([`${PS1}echo hi`])
    expect(screen()).toEqual([`${PS1}echo hi`, 'hi', `${PS1}echo two`, 'two'])
  })

  it('a command with no output for a while is echoed alone after ECHO_WAIT_MS', async () => {
    const { ctl, lab, attach, screen, store } = setup()
    const release = holdAnswers(lab)
    attach()
    await settle()
    ctl.submit('echo slow')
    await new Promise((r) => setTimeout(r, ECHO_WAIT_MS + 20))
    expect(screen()).toEqual([`${PS1}echo slow`])
    expect(store.getState().busy).toBe(true)
    release()
    await settle()
    await settle()
    expect(screen()).toEqual([`${PS1}echo slow`, 'slow'])
  })

  it("echoEntered: the running line is echoed at once (before a full-screen command takes the screen), once", async () => {
    const { ctl, lab, attach, screen, store } = setup()
    const release = holdAnswers(lab)
    attach()
    await settle()
    ctl.submit('echo held')
    await settle()
    expect(screen()).toEqual([])
    ctl.echoEntered()
    expect(screen()).toEqual([`${PS1}echo held`])
    // a screen taken and given back meanwhile leaves the line above
    store.getState().alternate(true)
    store.getState().write('out', 'full screen\n')
    ctl.echoEntered()
    expect(screen()).toEqual(['full screen'])
    release()
    await settle()
    await settle()
    // its output went to the screen it held; the answer gives the screen back if the command did
    // not (a command lost with its worker), and the line stays
    expect(screen()).toEqual([`${PS1}echo held`])
    expect(store.getState().normal).toBeUndefined()
    ctl.echoEntered() // nothing runs: nothing to echo
    expect(screen()).toEqual([`${PS1}echo held`])
  })
})
