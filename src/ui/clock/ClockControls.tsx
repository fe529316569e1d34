// The clock controls in the header: pause and play, the speed (real time up to an hour per
// second), and jumps to the next scheduled work, or to the next kubelet refresh, warnafter or
// exp of the selected token or of any token. All moves go through the terminal's controller,
// in turn with commands (src/state/clockController.ts). The targets come with the lab's updates
// (for any token, and for the token the decoder shows).

import { useId, useState } from 'react'
import './clock.css'
import { shortDuration, SPEEDS, speedLabel } from '../../state/clock'
import { advanceLine, type ClockController } from '../../state/clockController'
import type { JumpKind, JumpTargets } from '../../state/labPort'
import { clockView } from '../../state/slices/clock'
import { useAppStore, type AppStore } from '../../state/store'
import { formatLabTime } from '../layout/LabClock'

interface Props {
  store: AppStore
  clock: ClockController
  /** Presenter mode: the speed and the targets' scope go into a "Clock options" menu, so the header is one row. */
  compact?: boolean
}

const JUMPS: { kind: JumpKind; text: string; what: string }[] = [
  { kind: 'event', text: 'next event', what: 'the next scheduled work of the cluster' },
  { kind: 'refresh', text: 'refresh', what: 'the next kubelet refresh' },
  { kind: 'warnafter', text: 'warnafter', what: 'the warnafter time' },
  { kind: 'exp', text: 'exp', what: 'the expiry (exp)' },
]

/** Play and pause as drawn shapes (a font may lack the pause symbol). */
function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg className="clock-icon" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      {playing ? (
        <path d="M1 1h3v8H1zM6 1h3v8H6z" fill="currentColor" />
      ) : (
        <path d="M1 0.5l8 4.5-8 4.5z" fill="currentColor" />
      )}
    </svg>
  )
}

type Scope = 'selected' | 'any'

export function ClockControls({ store, clock: controller, compact = false }: Props) {
  const clock = useAppStore(store, (s) => clockView(s.clock))
  const started = useAppStore(store, (s) => s.lab.client !== undefined)
  const all = useAppStore(store, (s) => s.lab.targets)
  const token = useAppStore(store, (s) => s.selection.token)
  const [scope, setScope] = useState<Scope>('selected')
  const [said, setSaid] = useState('')
  const id = useId()
  const ofSelected = scope === 'selected' && token !== undefined
  const now = clock?.labMs

  const targets: JumpTargets = !started ? {} : !ofSelected ? all.any : all.token === token ? (all.selected ?? {}) : {}

  if (!clock) {
    return (
      <div className="clock-controls" role="group" aria-label="Clock controls">
        <span className="clock-wait">Clock controls: starting…</span>
      </div>
    )
  }

  const setPlaying = (playing: boolean) => {
    controller.set(playing)
    setSaid(playing ? `Playing at ${speedLabel(clock.speed)}.` : 'Paused.')
  }
  const setSpeed = (speed: number) => {
    controller.set(clock.playing, speed)
    setSaid(`Speed ${speedLabel(speed)}${clock.playing ? '' : ' (paused)'}.`)
  }
  // A jump is the `lab advance` line it amounts to, run in the terminal: the transcript shows
  // it and `lab undo` takes it back. A playing clock is paused first, so it lands on the target.
  const jump = (what: string, at: number) => {
    if (!started || now === undefined) return
    if (clock.playing) controller.set(false)
    const line = controller.jumpTo(at, now)
    setSaid(line ? `Moving the clock to ${what} (${formatLabTime(at)}): ${line}${clock.playing ? ', clock paused' : ''}.` : `${what} is not ahead.`)
  }
  const whose = ofSelected ? 'of the selected token' : 'of any token'
  const none = (kind: JumpKind, what: string) =>
    kind === 'event' ? 'No scheduled work of the cluster ahead' : ofSelected ? `The selected token reaches no ${what.replace(/^the /, '')} ahead (it passed, or the token died with its pod)` : `No token still alive has ${what.replace(/^the /, 'a ')} ahead`

  const speedField = (
    <label className="clock-field">
      Speed{' '}
      <select value={clock.speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Clock speed">
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </label>
  )
  const scopeField = (
    <label className="clock-field">
      of{' '}
      <select value={ofSelected ? 'selected' : 'any'} onChange={(e) => setScope(e.target.value as Scope)} aria-label="Jump targets of">
        <option value="selected" disabled={token === undefined}>
          the selected token
        </option>
        <option value="any">any token</option>
      </select>
    </label>
  )

  const jumpButton = ({ kind, text, what }: (typeof JUMPS)[number]) => {
    const at = targets[kind]
    // of any token: which token's it is (the refreshed file's old token lives on beside the new one)
    const owner = kind === 'event' ? undefined : targets.whose?.[kind]
    const label = kind === 'event' ? what : `${what} ${whose}${owner ? ` (${owner})` : ''}`
    const line = at !== undefined && now !== undefined ? advanceLine(now, at) : undefined
    return (
      <button
        key={kind}
        type="button"
        className="clock-jump"
        aria-label={`Move clock to ${kind === 'event' ? 'next cluster event' : text}`}
        aria-disabled={at === undefined ? 'true' : undefined}
        title={at === undefined ? `${none(kind, what)}.` : `Move the lab clock to ${label}, ${formatLabTime(at)}: runs ${line ?? 'lab advance'} in the terminal (lab undo takes it back)`}
        onClick={() => (at === undefined ? setSaid(`${none(kind, what)}.`) : jump(label, at))}
        data-testid={`jump-${kind}`}
        data-at={at}
      >
        {kind === 'event' ? (
          // the cluster's, not a token's (a narrow presenter header keeps the short words)
          <>
            <span className="clock-jump-long">cluster event</span>
            <span className="clock-jump-short">{text}</span>
          </>
        ) : (
          text
        )}
        {at === undefined ? (
          // said in words, not only by the dashed border: there is nothing of this kind ahead
          <span className="clock-jump-in clock-jump-none">: none</span>
        ) : (
          now !== undefined && <span className="clock-jump-in"> +{shortDuration(at - now)}</span>
        )}
      </button>
    )
  }

  return (
    <div className="clock-controls" role="group" aria-label="Clock controls">
      <button
        type="button"
        className="clock-play"
        onClick={() => setPlaying(!clock.playing)}
        data-testid="clock-play"
      >
        <PlayIcon playing={clock.playing} /> {clock.playing ? 'Pause clock' : 'Play clock'}
      </button>
      {compact ? (
        <details className="clock-more">
          <summary>Clock options</summary>
          <div className="clock-more-body">
            {speedField}
            {scopeField}
          </div>
        </details>
      ) : (
        speedField
      )}
      <span className="clock-jumps" role="group" aria-labelledby={`${id}-jump`}>
        <span id={`${id}-jump`} className="clock-jump-label">
          Move clock to
        </span>
        {jumpButton(JUMPS[0])}
        {/* the token's times after a label that says so: the scope at their end applies to them alone (they wrap as one) */}
        <span className="clock-token-jumps">
          <span className="clock-jump-label clock-token-label">token:</span>
          {JUMPS.slice(1).map(jumpButton)}
          {!compact && scopeField}
        </span>
      </span>
      <span className="sr-only" role="status">
        {said}
      </span>
    </div>
  )
}

export default ClockControls
