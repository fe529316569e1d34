// The clock controls in the header: pause and play, the speed (real time up to an hour per
// second), and jumps to the next scheduled work, or to the next kubelet refresh, warnafter or
// exp of the selected token or of any token. All moves go through the terminal's controller,
// in turn with commands; the lab then bumps labView and every panel follows.

import { useId, useMemo, useState } from 'react'
import { shortDuration, SPEEDS, speedLabel } from '../../state/clock'
import { jumpTargets, type JumpKind, type JumpTargets } from '../../state/clockTargets'
import type { TerminalController } from '../../state/controller'
import { useLabView, useSelection } from '../../state/labView'
import { useTerminal, type TerminalStore } from '../../state/terminalStore'
import { formatLabTime } from '../layout/LabClock'

interface Props {
  store: TerminalStore
  controller: TerminalController
}

const JUMPS: { kind: JumpKind; text: string; what: string }[] = [
  { kind: 'event', text: 'Next event', what: 'the next scheduled work of the cluster' },
  { kind: 'refresh', text: 'Refresh', what: 'the next kubelet refresh' },
  { kind: 'warnafter', text: 'warnafter', what: 'the warnafter time' },
  { kind: 'exp', text: 'exp', what: 'the expiry (exp)' },
]

type Scope = 'selected' | 'any'

export function ClockControls({ store, controller }: Props) {
  const clock = useTerminal(store, (s) => s.clock)
  const lab = useLabView((s) => s.lab)
  const version = useLabView((s) => s.version)
  const token = useSelection((s) => s.token)
  const [scope, setScope] = useState<Scope>('selected')
  const [said, setSaid] = useState('')
  const id = useId()
  const ofSelected = scope === 'selected' && token !== undefined
  const now = clock?.labMs

  const targets: JumpTargets = useMemo(() => {
    void version // recompute whenever the lab changed
    return lab && now !== undefined ? jumpTargets(lab, now, ofSelected ? token : undefined) : {}
  }, [lab, now, version, ofSelected, token])

  if (!clock) {
    return (
      <div className="clock-controls" role="group" aria-label="Clock controls">
        <span className="clock-wait">Clock controls: starting…</span>
      </div>
    )
  }

  const setPlaying = (playing: boolean) => {
    controller.setClock(playing)
    setSaid(playing ? `Playing at ${speedLabel(clock.speed)}.` : 'Paused.')
  }
  const setSpeed = (speed: number) => {
    controller.setClock(clock.playing, speed)
    setSaid(`Speed ${speedLabel(speed)}${clock.playing ? '' : ' (paused)'}.`)
  }
  const jump = async (kind: JumpKind, what: string) => {
    if (!lab) return
    const reached = await controller.jump((t) => jumpTargets(lab, t, ofSelected ? token : undefined)[kind])
    setSaid(`Jumped to ${what}: ${formatLabTime(reached)}.`)
  }
  const whose = ofSelected ? 'of the selected token' : 'of any token'

  return (
    <div className="clock-controls" role="group" aria-label="Clock controls">
      <button
        type="button"
        className="clock-play"
        onClick={() => setPlaying(!clock.playing)}
        data-testid="clock-play"
      >
        <span aria-hidden="true">{clock.playing ? '⏸' : '▶'}</span> {clock.playing ? 'Pause' : 'Play'}
      </button>
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
      <span className="clock-jumps" role="group" aria-labelledby={`${id}-jump`}>
        <span id={`${id}-jump`} className="clock-jump-label">
          Jump to
        </span>
        {JUMPS.map(({ kind, text, what }) => {
          const at = targets[kind]
          const label = kind === 'event' ? what : `${what} ${whose}`
          return (
            <button
              key={kind}
              type="button"
              className="clock-jump"
              aria-disabled={at === undefined ? 'true' : undefined}
              title={at === undefined ? `No ${label} ahead` : `Jump to ${label}: ${formatLabTime(at)}`}
              onClick={() => (at === undefined ? setSaid(`No ${label} ahead.`) : void jump(kind, label))}
              data-testid={`jump-${kind}`}
              data-at={at}
            >
              {text}
              {at !== undefined && now !== undefined && <span className="clock-jump-in"> +{shortDuration(at - now)}</span>}
            </button>
          )
        })}
        <label className="clock-field">
          of{' '}
          <select value={ofSelected ? 'selected' : 'any'} onChange={(e) => setScope(e.target.value as Scope)} aria-label="Jump targets of">
            <option value="selected" disabled={token === undefined}>
              the selected token
            </option>
            <option value="any">any token</option>
          </select>
        </label>
      </span>
      <span className="sr-only" role="status">
        {said}
      </span>
    </div>
  )
}

export default ClockControls
