// The lab's side of the page's connection: answers the page's calls (LabCall) with the Lab, and
// after every change sends the page an update of its projection (what the panels read), as a
// difference from the last one. The same host runs in the Web Worker and in-process (tests).

import type { Lab, LabSnapshot } from './lab'
import type { EnterAnswer, LabCall } from './protocol'
import type { LabEvent, LabUpdate, ListDelta, OutputChunk } from '../state/labPort'
import { jumpTargets, type JumpTargets } from '../state/timeline/clockTargets'
import { lessonState, lessonsList } from './lessonState'

const DAY = 86_400_000
/** How far past what the timeline needs the schedules are computed (small clock steps then need none). */
export const SCHEDULE_MARGIN = 30 * DAY

/** Follows a list that grows at its end and may lose its oldest entries. */
class ListTracker<T> {
  private count = 0
  private last: T | undefined

  delta(list: readonly T[], fresh: boolean): ListDelta<T> | undefined {
    let out: ListDelta<T> | undefined
    if (fresh) out = { reset: true, items: list.slice() }
    else if (this.count === 0) out = list.length ? { drop: 0, items: list.slice() } : undefined
    else {
      let j = list.length - 1
      const stop = Math.max(0, list.length - 1 - this.count)
      while (j >= stop && list[j] !== this.last) j--
      if (j < stop) out = { reset: true, items: list.slice() }
      else if (j < list.length - 1 || j + 1 !== this.count) out = { drop: this.count - (j + 1), items: list.slice(j + 1) }
    }
    this.count = list.length
    this.last = list[list.length - 1]
    return out
  }
}

const sameRecord = (a: Record<string, string> | undefined, b: Record<string, string>) => {
  if (!a) return false
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k])
}
const sameTargets = (a: JumpTargets | undefined, b: JumpTargets | undefined) =>
  a?.event === b?.event && a?.refresh === b?.refresh && a?.warnafter === b?.warnafter && a?.exp === b?.exp &&
  a?.whose?.refresh === b?.whose?.refresh && a?.whose?.warnafter === b?.whose?.warnafter && a?.whose?.exp === b?.whose?.exp

export class LabHost {
  private epoch = 0
  private factsRef: unknown
  private replaced = true
  private facts = new ListTracker<unknown>()
  private audit = new ListTracker<unknown>()
  private history = new ListTracker<string>()
  private last: { cwd?: string; prompt?: string | null; nextDueAt?: number | null; variables?: Record<string, string>; seenTokens?: Record<string, string>; kids?: string; any?: JumpTargets; selected?: JumpTargets; token?: string } = {}
  private focus: string | undefined
  private scheduleWant = -Infinity
  private schedulesTo = -Infinity
  private schedulePods = new Set<string>()
  private lastLesson: string | undefined
  /** While a typed line's owed clock time is applied: changes are published with the line's own (after its output). */
  private quiet = false
  private dirty = false

  constructor(
    readonly lab: Lab,
    private readonly emit: (e: LabEvent) => void,
  ) {
    lab.onChange(() => {
      if (this.quiet) this.dirty = true
      else this.publish()
    })
    lab.onClear(() => emit({ type: 'clear' }))
    lab.onScreen((alternate) => emit({ type: 'screen', alternate }))
    lab.onPaced((ms) => emit({ type: 'paced', ms }))
    lab.onReset(() => {
      this.replaced = true
      emit({ type: 'reset' })
    })
  }

  /** Send the whole projection (after start, or when the page lost it). */
  publishAll(): void {
    this.replaced = true
    this.last = {}
    this.publish()
  }

  /** `onRun`: a complete command line is about to run (for `enter`, before the clock's move it owes: that move is its own). */
  async handle(call: LabCall, onChunk?: (c: OutputChunk) => void, onRun?: (line: string) => void): Promise<unknown> {
    const lab = this.lab
    switch (call.op) {
      case 'run':
        onRun?.(call.line)
        return lab.run(call.line, onChunk)
      case 'advance':
        return lab.advance(call.duration)
      case 'jump': {
        const now = lab.nowMs()
        const to = jumpTargets(lab, now, call.token)[call.kind]
        if (to !== undefined && to > now) await lab.advance(to - now)
        return lab.nowMs()
      }
      case 'needsMoreInput':
        return lab.needsMoreInput(call.text)
      case 'enter': {
        if (lab.needsMoreInput(call.text)) return { more: true } satisfies EnterAnswer
        // The clock's move is told with the command's own changes, after its output: one update, not two before it.
        this.quiet = call.text.trim() !== ''
        if (this.quiet) onRun?.(call.text)
        try {
          if (call.owedMs > 0) await lab.advance(call.owedMs)
          this.quiet = false
          if (call.text.trim() === '') return { more: false } satisfies EnterAnswer
          return { more: false, result: await lab.run(call.text, onChunk) } satisfies EnterAnswer
        } finally {
          this.quiet = false
          if (this.dirty) this.publish()
        }
      }
      case 'complete':
        return lab.complete(call.text, call.cursor)
      case 'snapshot':
        return lab.snapshot()
      case 'restore':
        this.replaced = true
        return lab.restore(call.snapshot as LabSnapshot)
      case 'inspectToken':
        return lab.inspectToken(call.token)
      case 'focusToken':
        this.focus = call.token
        this.publish()
        return undefined
      case 'lessons':
        return lab.lessons()
      case 'wantSchedules':
        if (call.toMs > this.scheduleWant) {
          this.scheduleWant = call.toMs
          if (call.toMs > this.schedulesTo) this.publish()
        }
        return undefined
    }
  }

  /** Tell the page what changed since the last update. */
  publish(): void {
    this.dirty = false
    const lab = this.lab
    const facts = lab.facts()
    if (facts !== this.factsRef) {
      this.factsRef = facts
      this.replaced = true
    }
    const fresh = this.replaced
    this.replaced = false
    if (fresh) {
      this.epoch++
      this.schedulesTo = -Infinity
      this.schedulePods.clear()
    }
    const nowMs = lab.nowMs()
    const u: LabUpdate = { nowMs }
    if (fresh) {
      u.epoch = this.epoch
      if (lab.seed !== undefined) u.seed = lab.seed
    }
    const f = this.facts.delta(facts, fresh)
    if (f) u.facts = f as LabUpdate['facts']
    const a = this.audit.delta(lab.audit(), fresh)
    if (a) u.audit = a as LabUpdate['audit']
    const h = this.history.delta(lab.history(), fresh)
    if (h) u.history = h
    const cwd = lab.cwd()
    if (fresh || cwd !== this.last.cwd) u.cwd = this.last.cwd = cwd
    const prompt = lab.prompt() ?? null
    if (fresh || prompt !== this.last.prompt) u.prompt = this.last.prompt = prompt
    const due = lab.nextDueAt() ?? null
    if (fresh || due !== this.last.nextDueAt) u.nextDueAt = this.last.nextDueAt = due
    const vars = lab.variables()
    if (fresh || !sameRecord(this.last.variables, vars)) u.variables = this.last.variables = vars
    const seen = lab.seenTokens()
    if (fresh || !sameRecord(this.last.seenTokens, seen)) u.seenTokens = this.last.seenTokens = seen
    const kids = lab.jwks().keys.map((k) => k.kid)
    if (fresh || kids.join() !== this.last.kids) {
      u.kids = kids
      this.last.kids = kids.join()
    }
    const schedules = this.schedules(fresh, f?.items ?? [], nowMs)
    if (schedules) u.schedules = schedules
    const any = jumpTargets(lab, nowMs)
    const selected = this.focus === undefined ? undefined : jumpTargets(lab, nowMs, this.focus)
    if (fresh || !sameTargets(any, this.last.any) || !sameTargets(selected, this.last.selected) || this.focus !== this.last.token) {
      u.targets = { any, ...(this.focus !== undefined ? { token: this.focus, selected } : {}) }
      Object.assign(this.last, { any, selected, token: this.focus })
    }
    if (fresh && this.lastLesson === undefined) u.lessons = lessonsList(lab)
    const lesson = lessonState(lab)
    const key = JSON.stringify(lesson)
    if (fresh || key !== this.lastLesson) {
      u.lesson = lesson
      this.lastLesson = key
    }
    this.emit({ type: 'update', update: u })
  }

  /** The kubelets' refresh schedules, again when a pod's token appeared or the page needs later times. */
  private schedules(fresh: boolean, newFacts: unknown[], nowMs: number): LabUpdate['schedules'] {
    const newPod = newFacts.some((x) => {
      const f = x as { type?: string; source?: string; pod?: { uid?: string } }
      return f.type === 'token.issued' && f.source === 'kubelet' && f.pod?.uid !== undefined && !this.schedulePods.has(f.pod.uid)
    })
    const need = Math.max(this.scheduleWant, nowMs)
    if (!fresh && !newPod && need <= this.schedulesTo) return undefined
    const to = need + SCHEDULE_MARGIN
    const list = this.lab.tokenSchedules(0, to, 10_000_000)
    for (const x of newFacts) {
      const f = x as { type?: string; pod?: { uid?: string } }
      if (f.type === 'token.issued' && f.pod?.uid) this.schedulePods.add(f.pod.uid)
    }
    this.schedulesTo = to
    return { to, list }
  }
}
