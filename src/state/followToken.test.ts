import { describe, expect, it } from 'vitest'
import { makeToken, podPayload } from '../jwt/explain/testTokens'
import { followNewestToken, newestJwt } from './followToken'
import { shownRequest } from './slices/selection'
import { createAppStore } from './store'

const A = makeToken(podPayload(1779578851, 'a'))
const B = makeToken(podPayload(1779578851 + 2880, 'b'))

describe('the decoder follows the newest token the terminal printed', () => {
  it('picks a token printed without a final newline, and a later one on a finished line', () => {
    const store = createAppStore()
    const stop = followNewestToken(store)
    const term = () => store.getState().terminal
    term().echo('root@workstation:~# ', 'kubectl exec app -- cat token')
    term().write('out', A)
    expect(store.getState().selection.token).toBe(A)
    term().echo('root@workstation:~# ', 'echo')
    term().write('out', `x ${B}\n`)
    expect(store.getState().selection.token).toBe(B)
    stop()
  })

  it('keeps a pinned token, and does not go back to a token already followed', () => {
    const store = createAppStore()
    const stop = followNewestToken(store)
    const term = () => store.getState().terminal
    term().write('out', A)
    store.getState().selection.selectToken(B)
    // the unfinished line with A is finished by the next prompt: not a new token
    term().echo('$ ', 'ls')
    expect(store.getState().selection.token).toBe(B)
    store.getState().selection.setPinned(true)
    term().write('out', `${A}\n`)
    expect(store.getState().selection.token).toBe(B)
    stop()
  })

  it('starting late (the panels still loading while commands ran), takes the newest token printed so far', () => {
    const store = createAppStore()
    const term = () => store.getState().terminal
    term().echo('root@workstation:~# ', 'kubectl create token default')
    term().write('out', `${A}\n`)
    term().echo('root@workstation:~# ', 'kubectl create token other')
    term().write('out', `${B}\n`)
    const stop = followNewestToken(store)
    expect(store.getState().selection.token).toBe(B)
    stop()
    // a token the decoder already shows (remembered over a reload) stays
    const kept = createAppStore()
    kept.getState().selection.selectToken(A)
    kept.getState().terminal.write('out', `${B}\n`)
    const stop2 = followNewestToken(kept)
    expect(kept.getState().selection.token).toBe(A)
    stop2()
  })

  it('ignores tokens in prompts and lines already seen', () => {
    expect(newestJwt([{ id: 1, segs: [{ kind: 'out', text: A }] }], [], 1)).toBeUndefined()
    expect(newestJwt([{ id: 2, segs: [{ kind: 'prompt', text: A }] }], [], 1)).toBeUndefined()
    expect(newestJwt([{ id: 2, segs: [{ kind: 'out', text: `${A} ${B}` }] }], [], 1)).toBe(B)
  })
})

describe('the why panel follows the newest request unless pinned', () => {
  it('a picked request gives way to a newer one; a pinned one stays', () => {
    expect(shownRequest({}, 5)).toBe(4)
    expect(shownRequest({ requestIndex: 2, requestSeen: 5 }, 5)).toBe(2)
    expect(shownRequest({ requestIndex: 2, requestSeen: 5 }, 6)).toBe(5)
    expect(shownRequest({ requestIndex: 2, requestSeen: 5, requestPinned: true }, 6)).toBe(2)
    expect(shownRequest({ requestIndex: 9, requestPinned: true }, 6)).toBe(5)
  })
})
