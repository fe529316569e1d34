// The save status the page shows (kept apart so that the page's first bundle needs nothing else).

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saved'; at: string; seq: number }
  | { state: 'failing'; since: string; reason: string; unsaved: string[] }
  /** Another tab owns the lab: this one does not save. */
  | { state: 'off'; reason: string }

const hhmm = (iso: string) => (/T(\d\d:\d\d:\d\d)/.exec(iso)?.[1] ?? iso) + ' UTC'

/** The status line for a save status (undefined: nothing to say). */
export function statusText(s: SaveStatus): string | undefined {
  if (s.state === 'failing') return `Not saved since ${hhmm(s.since)}: ${s.reason}.`
  if (s.state === 'off') return `Not saving: ${s.reason}.`
  return undefined
}

