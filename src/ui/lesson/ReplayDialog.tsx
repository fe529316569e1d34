// Opened from a share link: offer to replay the shared session in a fresh lab.

import { useLesson } from '../../state/store'
import { Dialog } from './Dialog'

export function ReplayDialog() {
  const offer = useLesson((s) => s.replay)
  const where = offer?.lesson ? ` It was at lesson ${offer.lesson}${offer.step ? `, step ${offer.step}` : ''}.` : ''
  return (
    <Dialog title="Replay a shared session?" open={offer !== undefined} onClose={() => offer?.answer(false)}>
      {offer && (
        <>
          <p>
            This link holds a session of {offer.commands.length} command{offer.commands.length === 1 ? '' : 's'}
            {offer.seed !== undefined ? ` with seed ${offer.seed}` : ''}.{where} Replay runs them in a fresh lab, one after the other, shown in the terminal; your
            current lab is set aside first.
          </p>
          <div className="lesson-buttons">
            <button type="button" onClick={() => offer.answer(true)}>
              Replay
            </button>
            <button type="button" onClick={() => offer.answer(false)}>
              Not now
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
