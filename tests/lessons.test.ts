// Every lesson replayed through createLab, as CI does: at each step with a task, no check holds
// before the step's solution runs and every check holds after it; the lesson ends with all passing.

import { describe, expect, it } from 'vitest'
import { createLab } from '../src/app/lab'
import { LESSONS, WELCOME } from '../src/lessons'
import { commandsOf } from '../src/lessons/markdown'

describe('the lessons as data', () => {
  it('at least seven, with ids a URL can carry, each a few steps long', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(7)
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length)
    for (const l of LESSONS) {
      expect(l.id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/)
      expect(l.steps.length).toBeGreaterThanOrEqual(3)
      expect(l.summary).not.toContain('\n')
    }
  })

  it('the welcome offers the lesson commands', () => {
    expect(commandsOf(WELCOME)).toEqual(['lab lessons', 'lab lesson article'])
  })

  it('every solution command is shown in its step (so a Run button can run it) and is one line', () => {
    for (const l of LESSONS) {
      for (const [i, s] of l.steps.entries()) {
        const shown = commandsOf(s.text)
        for (const c of s.solution) {
          expect(c).not.toContain('\n')
          expect(shown, `${l.id} step ${i + 1}`).toContain(c)
        }
        if (s.task) expect(s.task.checks.length, `${l.id} step ${i + 1}`).toBeGreaterThan(0)
        expect(new Set(s.task?.checks.map((c) => c.name)).size).toBe(s.task?.checks.length ?? 0)
      }
    }
  })
})

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('is solvable step by step, and no check holds before its step is solved', async () => {
    const lab = await createLab({ seed: 1 })
    const opened = await lab.run(`lab lesson ${lesson.id}`)
    expect(opened.exitCode, opened.stderr).toBe(0)
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i]
      const before = lab.lesson()!
      expect(before.step).toBe(i + 1)
      expect(before.remaining).toEqual(step.solution)
      expect(before.checks.filter((c) => c.ok).map((c) => c.name), `step ${i + 1} before its solution`).toEqual([])
      if (step.task) expect((await lab.run('lab check')).exitCode).toBe(1)
      const solved = await lab.run('lab solution')
      expect(solved.exitCode).toBe(0)
      expect(solved.stdout).toContain(`$ ${step.solution[0]}\n`)
      const after = lab.lesson()!
      expect(after.checks.filter((c) => !c.ok), `step ${i + 1} after its solution`).toEqual([])
      expect(after.checks).toHaveLength(step.task?.checks.length ?? 0)
      expect(after.remaining).toEqual([])
      if (step.focus) expect(after.focus, `step ${i + 1} focus`).toBeDefined()
      expect((await lab.run('lab check')).exitCode).toBe(0)
      if (i < lesson.steps.length - 1) expect((await lab.run('lab next')).exitCode).toBe(0)
    }
    expect(lab.lesson()!.passed).toBe(true)
    const last = await lab.run('lab next')
    expect(last.exitCode).toBe(1)
    expect(last.stderr).toBe(`lab next: this is the last step of ${lesson.id}; \`lab lessons\` lists the others\n`)
  }, 60_000)
})

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s, by its Run buttons', (_id, lesson) => {
  it('every command shown in the prose runs, and running them all passes each step', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run(`lab lesson ${lesson.id}`)
    for (const [i, step] of lesson.steps.entries()) {
      for (const command of commandsOf(step.text)) {
        const r = await lab.run(command)
        expect(r.stderr, `${lesson.id} step ${i + 1}: ${command}`).not.toMatch(/command not found|unknown (command|flag)|internal error|syntax error/)
      }
      expect((await lab.run('lab check')).exitCode, `${lesson.id} step ${i + 1}`).toBe(0)
      expect(lab.lesson()!.remaining, `${lesson.id} step ${i + 1}`).toEqual([])
      await lab.run('lab next')
    }
  }, 60_000)
})

describe('what the lessons show matches the article', () => {
  it('the article lesson: 403 with the pod token, 401 once the pod is gone, no token folder with automount off', async () => {
    const lab = await createLab({ seed: 1 })
    await lab.run('lab lesson article')
    const outputs: string[] = []
    for (let i = 0; i < 7; i++) {
      outputs.push((await lab.run('lab solution')).stdout)
      await lab.run('lab next')
    }
    expect(outputs[0]).toContain('NAME      AGE\ndefault   0s\n')
    expect(outputs[1]).toContain('ca.crt\nnamespace\ntoken\n')
    expect(outputs[2]).toContain('{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}}')
    expect(outputs[3]).toContain('"iat": 1779578851,')
    expect(outputs[3]).toContain('"warnafter": 1779582458')
    expect(outputs[4]).toContain('HTTP 403\n')
    expect(outputs[4]).toMatch(/Username\s+system:serviceaccount:sa-demo:default/)
    expect(outputs[5]).toContain('HTTP 401\n')
    expect((await lab.run('lab back')).exitCode).toBe(0)
    const ls = await lab.run('kubectl -n sa-demo exec app-notoken -- ls /var/run/secrets/kubernetes.io/serviceaccount/')
    expect(ls.stderr).toContain('ls: /var/run/secrets/kubernetes.io/serviceaccount/: No such file or directory')
  }, 60_000)
})
