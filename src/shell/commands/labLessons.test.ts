import { describe, expect, it } from 'vitest'
import type { CommandContext, LabServices } from '../types'
import { labCommand } from './lab'
import type { LessonLabServices, LessonServices, LessonStepView } from './labLessons'

const STEP: LessonStepView = {
  lesson: { id: 'demo', title: 'Demo', summary: 's', steps: 2 },
  step: 1,
  title: 'First',
  text: 'Do it.\n\n  $ echo hi',
  goal: 'Say hi.',
  hintsShown: 0,
  hints: 1,
  checks: [
    { name: 'said hi', ok: true, expected: 'hi', found: 'hi' },
    { name: 'said bye', ok: false, expected: 'bye said', found: 'nothing said' },
  ],
}

function fakeLessons(over: Partial<LessonServices> = {}): LessonServices {
  return {
    list: () => [STEP.lesson, { id: 'a-longer-id', title: 'Other', summary: 's', steps: 3 }],
    current: () => STEP,
    open: async () => ({ value: '' }),
    move: () => ({ value: undefined }),
    hint: () => ({ value: { text: 'try echo', n: 1, total: 1 } }),
    remaining: () => ({ value: ['echo hi', 'echo bye'] }),
    exec: async (line, out) => {
      out({ stream: 'stdout', text: `${line.slice(5)}\n` })
      return 1
    },
    ...over,
  }
}

async function run(argv: string[], extra: LessonLabServices = {}) {
  let out = ''
  let err = ''
  const lab = { now: () => 0, ...extra } as unknown as LabServices
  const ctx = { argv: ['lab', ...argv], stdout: (t: string) => { out += t }, stderr: (t: string) => { err += t }, lab } as unknown as CommandContext
  const code = await labCommand.run(ctx)
  return { out, err, code }
}

describe('lab lesson commands', () => {
  it('lab lessons pads the ids into a column', async () => {
    expect(await run(['lessons'], { lessons: fakeLessons() })).toEqual({ out: 'demo          Demo\na-longer-id   Other\n', err: '', code: 0 })
  })

  it('lab check: ✓ and ✗ lines, exit 1 while one fails', async () => {
    expect(await run(['check'], { lessons: fakeLessons() })).toEqual({ out: '✓ said hi\n✗ said bye: nothing said (expected: bye said)\n', err: '', code: 1 })
  })

  it('lab lesson shows the step; a bad step number is a usage error', async () => {
    const shown = await run(['lesson'], { lessons: fakeLessons() })
    expect(shown.out).toBe('Demo · step 1 of 2: First\n\nDo it.\n\n  $ echo hi\n\nTask: Say hi.\n(lab check checks it, lab hint helps, lab solution runs it)\n')
    expect(await run(['lesson', 'demo', 'x'], { lessons: fakeLessons() })).toEqual({ out: '', err: 'lab lesson: usage: lab lesson ID [STEP] [--keep]\n', code: 2 })
  })

  it('lab solution echoes each command, then its output', async () => {
    expect(await run(['solution'], { lessons: fakeLessons() })).toEqual({ out: '$ echo hi\nhi\n$ echo bye\nbye\n', err: '', code: 0 })
  })

  it('without a lesson open, or without lessons or undo at all, says so', async () => {
    expect(await run(['hint'], { lessons: fakeLessons({ current: () => undefined }) })).toEqual({ out: '', err: 'lab hint: no lesson is open; `lab lessons` lists them, `lab lesson ID` opens one\n', code: 1 })
    expect(await run(['lessons'])).toEqual({ out: '', err: 'lab lessons: this lab has no lessons\n', code: 1 })
    expect(await run(['undo'])).toEqual({ out: '', err: 'lab undo: nothing to undo in this session\n', code: 1 })
    expect(await run(['undo', 'now'], { undo: () => 'x' })).toEqual({ out: '', err: 'lab undo: takes no arguments\n', code: 2 })
  })

  it('lab help lists the lesson commands', async () => {
    const help = await run(['help'])
    expect(help.out).toContain('  lab check              check the current step: one line per check, exit status 0 when all hold\n')
    expect(help.out).toContain('  lab undo               undo the last command that changed the lab (clock included)\n  lab help               show this help\n')
  })
})
