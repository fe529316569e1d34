// The lab time in the header (UTC). In realtime mode it ticks every second between commands;
// with a seed it stands still except when commands move it. Not announced (aria-live off).

import { useEffect, useState } from 'react'
import { useTerminal, type TerminalStore } from '../../state/terminalStore'

const pad = (n: number) => String(n).padStart(2, '0')

export function formatLabTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`
}

export function LabClock({ store }: { store: TerminalStore }) {
  const clock = useTerminal(store, (s) => s.clock)
  const [wall, setWall] = useState(() => Date.now())
  const realtime = clock?.mode === 'realtime'

  useEffect(() => {
    if (!realtime) return
    const t = setInterval(() => setWall(Date.now()), 1000)
    return () => clearInterval(t)
  }, [realtime])

  const ms = clock ? clock.labMs + (realtime ? Math.max(0, wall - clock.wallAnchor) : 0) : undefined
  return (
    <div className="lab-clock" aria-live="off">
      <span className="lab-clock-label">Lab time</span>{' '}
      {ms === undefined ? (
        <span className="lab-clock-time">starting…</span>
      ) : (
        <time className="lab-clock-time" dateTime={new Date(ms - (ms % 1000)).toISOString()} data-testid="lab-clock">
          {formatLabTime(ms)}
        </time>
      )}{' '}
      {clock && (
        <span className="lab-clock-mode">
          {realtime ? 'running at real speed' : 'still (seeded): only commands move it'}
        </span>
      )}
    </div>
  )
}
