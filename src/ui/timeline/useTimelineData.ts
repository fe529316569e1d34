// The timeline's data as the page's projection of the lab changes: lanes from an incremental
// model (only new facts and audit entries are read), the view window, the tokens whose text the
// shell holds, and the redraw timing (redrawTiming.ts). When the view reaches past the refresh
// schedules the lab sent, it asks for more.

import { useEffect, useLayoutEffect, useMemo, type RefObject } from 'react'
import { appStore, useApp, useLab, useSelection, useTimelineView } from '../../state/store'
import type { TimelineSource } from '../../state/timeline/model'
import { viewOf } from '../../state/timeline/view'
import { TimelineModel } from '../../state/timeline/model'
import { jtiOf } from '../../jwt/decode'
import { knownTokens } from '../../state/timeline/tokens'
import { noteBump, noteCommit, noteRender } from './redrawTiming'

export function useTimelineData(rootRef: RefObject<HTMLElement | null>) {
  const client = useLab((s) => s.client)
  const lab = client !== undefined
  const version = useLab((s) => s.version)
  const epoch = useLab((s) => s.epoch)
  const facts = useLab((s) => s.facts)
  const audit = useLab((s) => s.audit)
  const schedules = useLab((s) => s.schedules)
  const variables = useLab((s) => s.variables)
  const seenTokens = useLab((s) => s.seenTokens)
  const now = useApp((s) => s.clock.labMs)
  const mode = useTimelineView((s) => s.mode)
  const followSpan = useTimelineView((s) => s.followSpan)
  const fixed = useTimelineView((s) => s.fixed)
  const decoderToken = useSelection((s) => s.token)
  const view = viewOf({ mode, followSpan, fixed }, now)
  noteRender(version)

  const model = useMemo(() => new TimelineModel(), [])
  const lanes = useMemo(() => {
    if (!lab) return []
    const src: TimelineSource = {
      facts: () => facts,
      audit: () => audit,
      tokenSchedules: () => schedules.list,
      nowMs: () => now,
      epoch,
      schedules,
    }
    return model.update(src, view.end, version)
  }, [lab, model, version, epoch, facts, audit, schedules, now, view.end])

  // The view reaches past the schedules the lab computed: ask for more (answered by an update).
  useEffect(() => {
    if (client && Math.max(view.end, now) > schedules.to) client.wantSchedules(Math.max(view.end, now))
  }, [client, view.end, now, schedules])

  const known = useMemo(
    () => knownTokens(variables, [
      ...Object.values(seenTokens).map((text) => ({ text, where: 'the terminal output' })),
      ...(decoderToken ? [{ text: decoderToken, where: 'the decoder' }] : []),
    ]),
    [variables, seenTokens, decoderToken],
  )
  const decoderJti = useMemo(() => jtiOf(decoderToken), [decoderToken])

  useEffect(() => appStore.subscribe((s, prev) => s.lab.version !== prev.lab.version && noteBump()), [])
  useLayoutEffect(() => {
    if (rootRef.current) noteCommit(rootRef.current, version)
  }, [version, rootRef])

  return { lab, version, now, view, mode, lanes, known, decoderJti }
}
