// The lab time in the header (UTC), and whether it runs. While the clock plays, the ticker moves
// the lab every 250 ms and this display follows (adding the wall time since the last tick, so
// it reads what `lab now` would print); paused, it changes only when commands or jumps move it.
// Not announced (aria-live off): the clock controls announce what the user did.

import { useAppStore, type AppStore } from '../../state/store'
import { clockView } from '../../state/slices/clock'
import { displayedLabMs, speedLabel } from '../../state/clock'

const pad = (n: number) => String(n).padStart(2, '0')

export function formatLabTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`
}

export function LabClock({ store }: { store: AppStore }) {
  const clock = useAppStore(store, (s) => clockView(s.clock))
  const ms = clock ? displayedLabMs(clock) : undefined
  const state = !clock
    ? undefined
    : clock.playing
      ? `running at ${clock.speed === 1 ? 'real speed' : speedLabel(clock.speed)}`
      : clock.mode === 'still'
        ? 'paused — only commands and buttons move it'
        : 'paused'
  return (
    <div className="lab-clock" aria-live="off">
      <span className="lab-clock-label">Lab time</span>{' '}
      {ms === undefined ? (
        <span className="lab-clock-time">starting…</span>
      ) : (
        <time className="lab-clock-time" dateTime={new Date(ms - (ms % 1000)).toISOString()} data-testid="lab-clock" data-ms={ms}>
          {formatLabTime(ms)}
        </time>
      )}{' '}
      {state && (
        <span className="lab-clock-mode" data-testid="lab-clock-state">
          {state}
        </span>
      )}
    </div>
  )
}
