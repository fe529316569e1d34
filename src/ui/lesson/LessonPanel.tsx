// The lesson panel (a region named "Lesson"): the open lesson's step with Run buttons, its checks
// ticking as they come true, hints one at a time, previous / next / restart, "Show solution", the
// list of lessons, and the lab's Undo / Share / Export / Import. Every control that changes the
// lab types a command into the terminal (`lab next`, `lab hint`, ...), so the terminal shows all.
// In presenter mode PageDown types and runs the step's next command, Shift+PageDown goes on to
// the next step (keys a presentation remote sends; they work with the focus in the terminal).

import { useEffect, useRef, useState } from 'react'
import type { TerminalController } from '../../state/controller'
import { nextCommand } from '../../state/slices/lesson'
import { useAppStore, type AppStore } from '../../state/store'
import { Checks } from './Checks'
import { Dialog } from './Dialog'
import { LabActions } from './LabActions'
import { LessonList } from './LessonList'
import { Prose } from './Prose'
import { ReplayDialog } from './ReplayDialog'
import { showPanel } from '../layout/panelRequests'
import { typeAndRun, typeAndRunAll } from './typeCommand'
import './lesson.css'

interface Props {
  store: AppStore
  controller: TerminalController
}

export default function LessonPanel({ store, controller }: Props) {
  const lesson = useAppStore(store, (s) => s.lesson)
  const ready = useAppStore(store, (s) => s.terminal.ready)
  const cur = lesson.current
  const [showList, setShowList] = useState(false)
  const [confirm, setConfirm] = useState(false)
  const ran = useRef({ key: '', n: 0 })
  const key = cur ? `${cur.id}:${cur.step}` : ''
  if (ran.current.key !== key) ran.current = { key, n: 0 }

  const lab = (cmd: string) => void typeAndRun(controller, cmd, false)
  // A command of the lesson runs in the terminal, which a phone shows instead of this tab: bring it to the front.
  const run = (cmd: string) => {
    showPanel('terminal')
    void typeAndRun(controller, cmd)
  }
  const open = (id: string) => {
    setShowList(false)
    lab(`lab lesson ${id}`)
  }

  // A step that points the panels at something: the decoder's token, a time on the timeline, the why panel's request.
  const focus = cur?.focus
  useEffect(() => {
    if (!focus) return
    const { selection: sel, timeline } = store.getState()
    if (focus.panel === 'decoder' || focus.panel === 'timeline') sel.selectToken(focus.token)
    else sel.selectRequest(focus.auditIndex)
    if (focus.panel === 'timeline') {
      const half = timeline.followSpan / 2
      timeline.set({ mode: 'fixed', fixed: { start: focus.atMs - half, end: focus.atMs + half }, message: 'Moved to the time this lesson step points at.' })
    }
    // Once per step: the focus is the step's, not every update's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, focus?.panel])

  // Presenter keys.
  const latest = useRef(cur)
  latest.current = cur
  useEffect(() => {
    if (!lesson.presenter) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'PageDown' || e.altKey || e.ctrlKey || e.metaKey) return
      e.preventDefault()
      e.stopPropagation()
      if (e.shiftKey) {
        void typeAndRun(controller, 'lab next', false)
        return
      }
      const next = nextCommand(latest.current, ran.current.n)
      if (next === undefined) return
      ran.current.n++
      void typeAndRun(controller, next)
    }
    document.addEventListener('keydown', onKey, true)
    return () => document.removeEventListener('keydown', onKey, true)
  }, [lesson.presenter, controller])

  const body =
    !cur || showList ? (
      <>
        {!cur && lesson.welcome.length > 0 && (
          <div className="lesson-welcome">
            <h2 className="panel-title">Welcome</h2>
            <Prose blocks={lesson.welcome} onRun={run} disabled={!ready} />
          </div>
        )}
        {cur && (
          <button type="button" onClick={() => setShowList(false)}>
            Back to the step
          </button>
        )}
        {lesson.list.length > 0 ? <LessonList list={lesson.list} current={cur?.id} disabled={!ready} onOpen={open} /> : <p className="pane-loading">Loading the lessons…</p>}
      </>
    ) : (
      <article className="lesson-step" aria-labelledby="lesson-step-title">
        <p className="lesson-where">
          {cur.title} · step {cur.step} of {cur.steps}
        </p>
        <h2 id="lesson-step-title" className="panel-title">
          {cur.stepTitle}
        </h2>
        <Prose blocks={cur.blocks} onRun={run} disabled={!ready} />
        {cur.goal !== undefined && (
          <section className="lesson-task" aria-label="Task">
            <h3 className="lesson-h3">Task</h3>
            {/* the goal is the state the lab should reach (the checks below test it) */}
            <p>
              <span className="lesson-goal-label">Done when:</span> {cur.goal}
            </p>
            <div aria-live="polite">
              <Checks checks={cur.checks} tried={cur.tried} />
              {cur.passed && <p className="lesson-done">{cur.step < cur.steps ? 'Step done: Next moves on.' : 'Lesson done.'}</p>}
            </div>
            <div className="lesson-buttons">
              <button type="button" disabled={!ready} onClick={() => lab('lab check')}>
                Check
              </button>
              <button type="button" disabled={!ready || cur.hintsShown.length >= cur.hints} onClick={() => lab('lab hint')}>
                {cur.hints === 0 ? 'No hints' : `Hint (${cur.hintsShown.length} of ${cur.hints} shown)`}
              </button>
              <button type="button" disabled={!ready || cur.remaining.length === 0} onClick={() => setConfirm(true)}>
                Show solution
              </button>
            </div>
            {cur.hintsShown.length > 0 && (
              <ol className="lesson-hints" aria-label="Hints">
                {cur.hintsShown.map((h, i) => (
                  <li key={i}>{h}</li>
                ))}
              </ol>
            )}
          </section>
        )}
        <div className="lesson-buttons lesson-nav" role="group" aria-label="Steps">
          <button type="button" disabled={!ready || cur.step <= 1} onClick={() => lab('lab back')}>
            Previous
          </button>
          <button type="button" disabled={!ready || cur.step >= cur.steps} onClick={() => lab('lab next')}>
            Next
          </button>
          <button type="button" disabled={!ready} onClick={() => lab(`lab lesson ${cur.id}`)}>
            Restart lesson
          </button>
          <button type="button" onClick={() => setShowList(true)}>
            All lessons
          </button>
        </div>
        {lesson.presenter && <p className="lesson-keys">PageDown types and runs the next command · Shift+PageDown: next step</p>}
      </article>
    )

  return (
    <section className={lesson.presenter ? 'lesson-panel presenter-lesson' : 'lesson-panel'} aria-label="Lesson">
      <p className="lesson-touch">Tap Run: the Terminal tab opens and the command is typed and run there. The Lesson tab brings you back.</p>
      {body}
      <LabActions controller={controller} ready={ready} />
      <Dialog title="Show the solution?" open={confirm} onClose={() => setConfirm(false)}>
        {cur && (
          <>
            <p>These commands will be typed and run in the terminal:</p>
            <pre className="lesson-solution">
              <code>{cur.remaining.join('\n')}</code>
            </pre>
            <div className="lesson-buttons">
              <button
                type="button"
                onClick={() => {
                  setConfirm(false)
                  showPanel('terminal')
                  void typeAndRunAll(controller, cur.remaining)
                }}
              >
                Run the solution
              </button>
              <button type="button" onClick={() => setConfirm(false)}>
                Cancel
              </button>
            </div>
          </>
        )}
      </Dialog>
      <ReplayDialog />
    </section>
  )
}
