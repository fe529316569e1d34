// The page's side of the lesson panel: Share (a link holding the session), Export and Import of
// the whole lab, the offer to replay a shared session, and `?lesson=&step=` at start-up. The
// panel reaches these through the store's lesson slice (setActions), so ui/ never imports app/.

import type { TerminalController } from '../state/controller'
import type { LabClient } from '../state/labPort'
import type { LessonPageActions } from '../state/slices/lesson'
import { normalLines } from '../state/slices/terminal'
import type { AppStore } from '../state/store'
import type { LabSnapshot } from './lab'
import { lessonFromUrl } from './lessonUrl'
import { linesFromStore, linesToStore, STATE_VERSION, type Notice, type StoredLab } from './persist'
import { decodeShare, encodeShare, sharePayload, shareUrl, type SharedSession } from './share'
import type { UrlParams } from './url'

export interface LessonPageDeps {
  store: AppStore
  controller: TerminalController
  client(): LabClient | undefined
  /** Replace the lab's state (window.lab.restore: queued behind running commands, then saved). */
  restore(snapshot: LabSnapshot): Promise<void>
  say(n: Notice): void
  /** The page's address (location.href). */
  href(): string
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function lessonPageActions(d: LessonPageDeps): LessonPageActions {
  const need = () => {
    const c = d.client()
    if (!c) throw new Error('the lab is still starting')
    return c
  }
  return {
    async shareLink() {
      const snap = (await need().snapshot()) as LabSnapshot
      const s = d.store.getState()
      const cur = s.lesson.current
      const session: SharedSession = {
        v: 1,
        ...(snap.seed !== undefined ? { seed: snap.seed } : {}),
        now: snap.startMs,
        ...(cur ? { lesson: cur.id, step: cur.step } : {}),
        log: [...s.lab.history],
      }
      return shareUrl(d.href(), await encodeShare(session))
    },
    async exportLab() {
      const snap = (await need().snapshot()) as LabSnapshot
      const record: StoredLab = {
        v: STATE_VERSION,
        savedAt: new Date().toISOString(),
        ...(snap.seed !== undefined ? { seed: snap.seed } : {}),
        snapshot: snap,
        lines: linesToStore(normalLines(d.store.getState().terminal)),
      }
      const url = URL.createObjectURL(new Blob([JSON.stringify(record)], { type: 'application/json' }))
      const a = document.createElement('a')
      a.href = url
      a.download = (await import('./labFile')).exportFileName(d.store.getState().clock.labMs)
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 30_000)
    },
    async importLab(file) {
      const r = await (await import('./labFile')).readImportedLab(file)
      if (!r.ok) return { ok: false, message: `Import failed: ${r.reason}. Your lab is unchanged.` }
      const client = need()
      const before = (await client.snapshot()) as LabSnapshot
      try {
        await d.restore(r.lab.snapshot)
      } catch (e) {
        // Put the lab back exactly as it was (a restore can fail half-way).
        await d.restore(before).catch(() => {})
        return { ok: false, message: `Import failed: the lab in the file could not be restored (${message(e)}). Your lab is unchanged.` }
      }
      if (r.lab.lines.length) d.store.getState().terminal.setLines(linesFromStore(r.lab.lines))
      d.say({ kind: 'note', text: `Imported the lab from ${file.name.slice(0, 80)} (saved ${r.lab.savedAt}).` })
      return { ok: true, message: `Imported ${file.name.slice(0, 80)}.` }
    },
  }
}

/** The shared session in the page's fragment: none, a session, or why it cannot be used. */
export async function sharedSessionIn(hash: string): Promise<{ session?: SharedSession; problem?: string }> {
  const payload = sharePayload(hash)
  if (payload === undefined) return {}
  const r = await decodeShare(payload)
  return r.ok ? { session: r.value } : { problem: `This share link cannot be used: ${r.reason}. The lab starts as usual.` }
}

/** Ask (in the lesson panel's dialog) whether to replay a shared session; resolves to the answer. */
export function askReplay(store: AppStore, s: SharedSession): Promise<boolean> {
  return new Promise((resolve) => {
    store.getState().lesson.offerReplay({
      ...(s.seed !== undefined ? { seed: s.seed } : {}),
      now: s.now,
      ...(s.lesson !== undefined ? { lesson: s.lesson } : {}),
      ...(s.step !== undefined ? { step: s.step } : {}),
      commands: s.log,
      answer: (replay) => {
        store.getState().lesson.offerReplay(undefined)
        resolve(replay)
      },
    })
  })
}

/**
 * Replay a shared session: each command entered in the terminal in order (echoed and shown like
 * typed ones); then, if the lesson ended elsewhere than the link says, open that step in place.
 */
export async function replaySession(d: LessonPageDeps, s: SharedSession): Promise<void> {
  d.say({ kind: 'note', text: `Replaying a shared session: ${s.log.length} command${s.log.length === 1 ? '' : 's'}.` })
  for (const line of s.log) d.controller.submit(line)
  if (s.lesson === undefined) return
  await d.controller.exclusive(async () => undefined)
  const cur = d.store.getState().lesson.current
  if (cur?.id !== s.lesson || cur.step !== s.step) d.controller.submit(`lab lesson ${s.lesson}${s.step !== undefined ? ` ${s.step}` : ''} --keep`)
}

/**
 * `?lesson=ID&step=N` once the lab runs: the `lab lesson` command entered in the terminal, or the
 * reason it cannot be. A restored lab already at that lesson (and step) is left where it is.
 */
export function openLessonFromUrl(d: LessonPageDeps, params: Pick<UrlParams, 'lesson' | 'step'>, restored: boolean): void {
  const r = lessonFromUrl(params)
  if (!r) return
  if ('error' in r) {
    d.say({ kind: 'warn', text: r.error })
    return
  }
  const cur = d.store.getState().lesson.current
  if (restored && cur && cur.id === params.lesson && (params.step === undefined || cur.step === params.step)) return
  d.controller.submit(r.command)
}
