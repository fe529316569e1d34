// The marker that names a running command is written at the command's first pause (savesServer.ts
// FirstPauseAnnounce): before the end of any command that waits (WebCrypto, a timer, the shell's
// pause every thousand steps, as in the worker), and not at all for one that ends before pausing
// (its save names it at once).
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'
import { FirstPauseAnnounce } from './savesServer'

let lab: Lab
beforeAll(async () => {
  // the worker's pause (labServer.ts): a task of its own every thousand steps
  lab = await createLab({ seed: 'announce', pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) })
}, 60_000)

/** What happened, in order, when `line` ran with its marker announced as the worker announces it. */
async function order(line: string): Promise<string[]> {
  const seen: string[] = []
  const a = new FirstPauseAnnounce((l) => seen.push(`marker: ${l}`))
  a.start(line)
  await lab.run(line)
  seen.push('ended')
  a.ended()
  await new Promise((r) => setTimeout(r, 5))
  return seen
}

describe("a running command's marker", () => {
  it('is written while a command that waits on WebCrypto runs (a token signed)', async () => {
    expect(await order('kubectl create token default > /dev/null')).toEqual(['marker: kubectl create token default > /dev/null', 'ended'])
  })

  it("is written while a long loop runs (the shell's pause)", async () => {
    expect(await order('for i in $(seq 3000); do :; done')).toEqual(['marker: for i in $(seq 3000); do :; done', 'ended'])
  })

  it('is never written for a command that ends before it pauses: its save names it', async () => {
    expect(await order('echo hi')).toEqual(['ended'])
  })

  it('a second command drops the first one’s marker that was not written', async () => {
    const seen: string[] = []
    const a = new FirstPauseAnnounce((l) => seen.push(l))
    a.start('one')
    a.start('two')
    await new Promise((r) => setTimeout(r, 5))
    expect(seen).toEqual(['two'])
  })
})
