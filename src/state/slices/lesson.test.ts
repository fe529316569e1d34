import { describe, expect, it } from 'vitest'
import { applyLabEvent } from '../labEvents'
import type { LabUpdate, LessonStepState } from '../labPort'
import { createAppStore } from '../store'
import { lessonUpdateFields, nextCommand } from './lesson'

const step = (over: Partial<LessonStepState> = {}): LessonStepState => ({
  id: 'article',
  title: 'The article',
  step: 2,
  steps: 5,
  stepTitle: 'A pod',
  blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'Run a pod.' }] }],
  checks: [{ name: 'pod runs', ok: false, expected: 'pod sa-demo/app Running', found: 'no pod sa-demo/app' }],
  passed: false,
  tried: false,
  hintsShown: [],
  hints: 2,
  remaining: ['kubectl -n sa-demo run app --image=x'],
  commands: ['kubectl create namespace sa-demo', 'kubectl -n sa-demo get pods'],
  ...over,
})

const update = (u: Partial<LabUpdate>): LabUpdate => ({ nowMs: 0, ...u })

describe('the lesson slice', () => {
  it('starts unknown, with no lessons and no step', () => {
    const s = createAppStore().getState().lesson
    expect(s).toMatchObject({ known: false, list: [], welcome: [], presenter: false })
    expect(s.current).toBeUndefined()
  })

  it('takes the list and the welcome, then the step, from the lab updates', () => {
    const store = createAppStore()
    const list = [{ id: 'article', title: 'The article', summary: 'End to end', steps: 5 }]
    const welcome = [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: 'Hello' }] }]
    applyLabEvent(store, { type: 'update', update: update({ lessons: { list, welcome }, lesson: null }) })
    expect(store.getState().lesson).toMatchObject({ known: true, list, welcome, current: undefined })
    applyLabEvent(store, { type: 'update', update: update({ lesson: step() }) })
    expect(store.getState().lesson.current?.stepTitle).toBe('A pod')
    expect(store.getState().lesson.list).toEqual(list) // kept
  })

  it('keeps the step when an update says nothing about lessons, and drops it on null', () => {
    const store = createAppStore()
    store.getState().lesson.apply(update({ lesson: step() }))
    const before = store.getState().lesson
    store.getState().lesson.apply(update({ cwd: '/tmp' }))
    expect(store.getState().lesson).toBe(before) // no write at all
    store.getState().lesson.apply(update({ lesson: step({ checks: [{ name: 'pod runs', ok: true, expected: 'x', found: 'x' }], passed: true }) }))
    expect(store.getState().lesson.current?.checks[0].ok).toBe(true)
    store.getState().lesson.apply(update({ lesson: null }))
    expect(store.getState().lesson.current).toBeUndefined()
  })

  it('lessonUpdateFields ignores updates without lesson parts', () => {
    expect(lessonUpdateFields(update({ cwd: '/' }))).toBeUndefined()
    expect(lessonUpdateFields(update({ lesson: null }))).toEqual({ known: true, current: undefined })
  })

  it('holds the page actions, the replay offer and presenter mode', () => {
    const store = createAppStore()
    const actions = { shareLink: async () => 'x', exportLab: async () => {}, importLab: async () => ({ ok: true, message: '' }) }
    store.getState().lesson.setActions(actions)
    store.getState().lesson.setPresenter(true)
    const answers: boolean[] = []
    store.getState().lesson.offerReplay({ commands: ['ls'], answer: (b) => answers.push(b) })
    expect(store.getState().lesson.actions).toBe(actions)
    expect(store.getState().lesson.presenter).toBe(true)
    store.getState().lesson.replay?.answer(true)
    expect(answers).toEqual([true])
  })

  it('nextCommand walks the prose commands, or the remaining solution when the prose has none', () => {
    const s = step()
    expect(nextCommand(s, 0)).toBe('kubectl create namespace sa-demo')
    expect(nextCommand(s, 1)).toBe('kubectl -n sa-demo get pods')
    expect(nextCommand(s, 2)).toBeUndefined()
    expect(nextCommand(step({ commands: [] }), 0)).toBe('kubectl -n sa-demo run app --image=x')
    expect(nextCommand(step({ commands: [], remaining: [] }), 0)).toBeUndefined()
    expect(nextCommand(undefined, 0)).toBeUndefined()
  })
})
