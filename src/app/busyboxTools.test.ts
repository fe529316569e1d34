// The rewording wrapper keeps a command's complaints between its output, as a terminal shows them.
import { describe, expect, it } from 'vitest'
import type { CommandContext, CommandSpec } from '../shell/types'
import { reworded } from './busyboxReworded'

function fakeCtx(argv: string[], log: string[]): CommandContext {
  return { argv, stdin: '', stdinIsTTY: true, stdoutIsTTY: true, stdout: (t: string) => { log.push(`out:${t}`) }, stderr: (t: string) => { log.push(`err:${t}`) } } as unknown as CommandContext
}

const writes = (steps: [('out' | 'err'), string][], status = 1): CommandSpec => ({
  name: 'uniq', summary: '', usage: '',
  async run(ctx) {
    for (const [s, t] of steps) (s === 'out' ? ctx.stdout : ctx.stderr)(t)
    return status
  },
})

describe('reworded', () => {
  it('passes each complaint, reworded, when it is written', async () => {
    const log: string[] = []
    await reworded(writes([['out', 'a\n'], ['err', 'uniq: nope: No such file or directory\n'], ['out', 'b\n']])).run(fakeCtx(['uniq', 'nope'], log))
    expect(log).toEqual(['out:a\n', "err:uniq: can't open 'nope': No such file or directory\n", 'out:b\n'])
  })

  it('keeps a usage complaint to the end and gives the applet usage and status', async () => {
    const log: string[] = []
    const status = await reworded(writes([['err', "uniq: invalid option -- 'z'\n"], ['err', "Try 'uniq --help' for more information.\n"]], 1)).run(fakeCtx(['uniq', '-z'], log))
    expect(status).toBe(1)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatch(/^err:uniq: unrecognized option: z\nBusyBox v1\.35\.0 .*\n\nUsage: uniq /)
  })
})
