// The timeline's data as the page's lab view changes: lanes from an incremental model (only new
// facts and audit entries are read), the view window, the tokens whose text the shell holds, and
// the redraw timing (redrawTiming.ts).

import { useEffect, useLayoutEffect, useMemo, type RefObject } from 'react'
import { labView, useLabView, useSelection } from '../../state/labView'
import { useTimelineView, viewOf } from '../../state/timeline'
import { TimelineModel } from '../../state/timelineModel'
import { jtiOf } from '../../jwt/decode'
import { knownTokens } from '../../state/timelineTokens'
import { noteBump, noteCommit, noteRender } from './redrawTiming'

export function useTimelineData(rootRef: RefObject<HTMLElement | null>) {
  const lab = useLabView((s) => s.lab)
  const version = useLabView((s) => s.version)
  const now = useLabView((s) => s.nowMs)
  const mode = useTimelineView((s) => s.mode)
  const followSpan = useTimelineView((s) => s.followSpan)
  const fixed = useTimelineView((s) => s.fixed)
  const decoderToken = useSelection((s) => s.token)
  const view = viewOf({ mode, followSpan, fixed }, now)
  noteRender(version)

  // A new lab (restore, reset) gets a new model.
  const model = useMemo(() => (lab ? new TimelineModel() : undefined), [lab])
  const lanes = useMemo(() => (lab && model ? model.update(lab, view.end, version) : []), [lab, model, version, view.end])

  const known = useMemo(
    () => (lab
      ? knownTokens(lab.variables(), [
          ...Object.values(lab.seenTokens()).map((text) => ({ text, where: 'the terminal output' })),
          ...(decoderToken ? [{ text: decoderToken, where: 'the decoder' }] : []),
        ], version)
      : new Map()),
    [lab, version, decoderToken],
  )
  const decoderJti = useMemo(() => jtiOf(decoderToken), [decoderToken])

  useEffect(() => labView.subscribe((s, prev) => s.version !== prev.version && noteBump()), [])
  useLayoutEffect(() => {
    if (rootRef.current) noteCommit(rootRef.current, version)
  }, [version, rootRef])

  return { lab, version, now, view, mode, lanes, known, decoderJti }
}
