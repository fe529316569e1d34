// The panel's lab controls: Undo (`lab undo`), Share (a link holding the session), Export and
// Import (the whole lab as a JSON file).

import { useRef, useState } from 'react'
import type { TerminalController } from '../../state/controller'
import { useLesson } from '../../state/store'
import { Dialog } from './Dialog'
import { typeAndRun } from './typeCommand'

export function LabActions({ controller, ready }: { controller: TerminalController; ready: boolean }) {
  const actions = useLesson((s) => s.actions)
  const [link, setLink] = useState<string>()
  const [message, setMessage] = useState('')
  const file = useRef<HTMLInputElement>(null)
  const off = !ready || !actions

  const share = async () => {
    if (!actions) return
    try {
      setLink(await actions.shareLink())
    } catch (e) {
      setMessage(`Share failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link ?? '')
      setMessage('The link is copied.')
    } catch {
      setMessage('Copying was refused by the browser; select the link and copy it.')
    }
  }
  const exportLab = async () => {
    try {
      await actions?.exportLab()
      setMessage('The lab was exported as a file.')
    } catch (e) {
      setMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const importLab = async (f: File | undefined) => {
    if (!f || !actions) return
    const r = await actions.importLab(f)
    setMessage(r.message)
    if (file.current) file.current.value = ''
  }

  return (
    <div className="lesson-actions">
      <div className="lesson-buttons" role="group" aria-label="Lab">
        <button type="button" disabled={!ready} onClick={() => void typeAndRun(controller, 'lab undo', false)}>
          Undo
        </button>
        <button type="button" disabled={off} onClick={() => void share()}>
          Share
        </button>
        <button type="button" disabled={off} onClick={() => void exportLab()}>
          Export
        </button>
        <button type="button" disabled={off} onClick={() => file.current?.click()}>
          Import
        </button>
        <input ref={file} type="file" accept=".json,application/json" className="sr-only" tabIndex={-1} aria-label="Lab file to import" onChange={(e) => void importLab(e.target.files?.[0])} />
      </div>
      <p className="lesson-message" role="status">
        {message}
      </p>
      <Dialog title="Share this session" open={link !== undefined} onClose={() => setLink(undefined)}>
        <p>The link holds the seed, the start time, the lesson and every command typed so far, after the # (it is never sent to a server). Opening it offers to replay the session in a fresh lab.</p>
        <label className="lesson-share-label">
          Share link
          <input type="text" readOnly value={link ?? ''} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <div className="lesson-buttons">
          <button type="button" onClick={() => void copy()}>
            Copy link
          </button>
          <button type="button" onClick={() => setLink(undefined)}>
            Close
          </button>
        </div>
      </Dialog>
    </div>
  )
}
