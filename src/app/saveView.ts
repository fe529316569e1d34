// The page's side of saving (the saving itself runs in the lab's worker: savesServer.ts). The
// page holds this tab's claim on the lab (tabLock.ts: a restarted worker keeps it), tells the
// worker its role, and keeps what the save notice (src/ui/layout/SaveNotice) shows from the
// worker's messages: the save status, whether another tab owns the lab, the labs set aside.

import type { SaveView, SaveViewSource } from '../ui/layout/SaveNotice'
import type { SavesFromWorker } from './protocol'
import type { TabLock } from './tabLock'

export interface PageSaves extends SaveViewSource {
  /** A message of the worker's saves (startPlan is the page's own business). */
  receive(m: SavesFromWorker): void
  savedStates(): string[]
}

export function saveViewOf(
  lock: Promise<TabLock>,
  actions: { takeOver(lock: TabLock): void; download(key: string): void },
): PageSaves {
  let status: string | undefined
  let asides: string[] = []
  let theLock: TabLock | undefined
  let view: SaveView = { follower: false, asides: [] }
  const listeners = new Set<() => void>()
  const update = () => {
    view = { ...(status ? { status } : {}), follower: theLock?.role() === 'follower', asides }
    listeners.forEach((cb) => cb())
  }
  void lock.then((l) => {
    theLock = l
    l.onChange(update)
    update()
  })
  return {
    get: () => view,
    subscribe(cb) {
      listeners.add(cb)
      return () => listeners.delete(cb)
    },
    takeOver: () => theLock && actions.takeOver(theLock),
    download: (key) => actions.download(key),
    savedStates: () => [...asides],
    receive(m) {
      if (m.kind === 'saveStatus') status = m.text
      else if (m.kind === 'asides') asides = m.keys
      else return
      update()
    },
  }
}
