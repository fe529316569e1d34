// The save notice's data (src/ui/layout/SaveNotice) from the page's persistence: the save
// status, whether another tab owns the lab, and the labs set aside.

import type { SaveView, SaveViewSource } from '../ui/layout/SaveNotice'
import type { LabPersistence } from './persistLab'
import { statusText } from './saveStatus'

export function saveViewOf(
  p: Promise<LabPersistence>,
  actions: { takeOver(p: LabPersistence): void; download(blob: Blob, name: string): void },
): SaveViewSource {
  let view: SaveView = { follower: false, asides: [] }
  let persistence: LabPersistence | undefined
  const listeners = new Set<() => void>()
  const update = () => {
    if (!persistence) return
    view = {
      status: statusText(persistence.saver.getStatus()),
      follower: persistence.lock.role() === 'follower',
      asides: persistence.savedStates(),
    }
    listeners.forEach((cb) => cb())
  }
  void p.then((pp) => {
    persistence = pp
    pp.saver.onStatus(update)
    pp.lock.onChange(update)
    pp.onAsides(update)
    update()
  })
  return {
    get: () => view,
    subscribe(cb) {
      listeners.add(cb)
      return () => listeners.delete(cb)
    },
    takeOver: () => persistence && actions.takeOver(persistence),
    download(key) {
      void persistence?.download(key).then((b) => b && actions.download(b, `tokenlab-${key.replace(/[^\w.-]+/g, '-')}.json`))
    },
  }
}
