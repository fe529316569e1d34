// Rendered on the server side (no DOM needed): every mark is a button with an accessible name,
// the answer's glyph, and text only (a reason holding markup stays text).
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Lane } from '../../state/timeline/lanes'
import { edgeMarks } from '../../state/timeline/edges'
import { laneRows } from '../../state/timeline/marks'
import { TimelineRow } from './TimelineRow'

const T0 = Date.UTC(2026, 4, 23, 23, 27, 30)
const iat = T0 + 1000
const lane: Lane = {
  id: 'pod:u1', kind: 'pod', title: 'sa-demo/app', refreshes: [],
  pod: { namespace: 'sa-demo', name: 'app', uid: 'u1', createdAt: T0, events: [{ t: T0, kind: 'created' }], goneAt: T0 + 35_000, deletionAt: T0 + 5000 },
  tokens: [{
    key: 'j1', jti: '6a597411-93f7', namespace: 'sa-demo', serviceAccount: 'default', source: 'kubelet', pod: { name: 'app', uid: 'u1' },
    iat, warnafter: iat + 3607_000, exp: iat + 365 * 86_400_000, invalidAt: T0 + 35_000,
    requests: [
      { t: T0 + 5000, index: 3, code: 403, answer: 'forbidden', method: 'GET', verb: 'list', uri: '/api/v1/namespaces/sa-demo/pods', source: 'curl', reason: 'pods is forbidden: <img src=x>', stale: false },
      { t: T0 + 35_000, index: 5, code: 401, answer: 'unauthorized', method: 'GET', verb: 'list', uri: '/api/v1/namespaces/sa-demo/pods', source: 'curl', reason: 'service account token has been invalidated', stale: false },
    ],
  }],
}
const noop = { onMark() {}, onPoint() {}, onToken() {} }

describe('timeline rows', () => {
  it('draw each mark as a named button, the answer as a glyph, and reasons as text', () => {
    const [, tokenRow] = laneRows(lane, { start: T0 - 10_000, end: T0 + 50_000 }, 600, T0 + 40_000)
    const html = renderToStaticMarkup(<TimelineRow row={tokenRow} selected={false} decoder={true} selectedRequest={5} handlers={noop} />)
    expect(html).toContain('aria-label="401 list /api/v1/namespaces/sa-demo/pods at 23:28:05 on 2026-05-23, service account token has been invalidated"')
    expect(html).toContain('pods is forbidden: &lt;img src=x&gt;')
    expect(html).not.toContain('<img')
    expect(html).toMatch(/class="tl-mark lvl-1 req-forbidden"[^>]*>!<\/button>/)
    expect(html).toMatch(/class="tl-mark lvl-1 req-unauthorized"[^>]*data-selected="true"[^>]*>✕<\/button>/)
    expect(html).toContain('aria-label="token 1 of pod app, first, invalid: pod gone, shown in the decoder"')
    expect(html).toContain('class="tl-row tl-row-token is-decoder"')
    expect((html.match(/<button/g) ?? []).length).toBe(4) // the token's select button, iat, 403, 401
  })

  it('draw the points outside the view as edge buttons, left before the marks and right after them', () => {
    const view = { start: T0 + 20_000, end: T0 + 50_000 }
    const now = T0 + 40_000
    const [, tokenRow] = laneRows(lane, view, 600, now)
    const edges = edgeMarks(lane.tokens[0], view, now)
    const html = renderToStaticMarkup(<TimelineRow row={tokenRow} selected={false} decoder={false} handlers={noop} edges={edges} />)
    const left = html.indexOf('class="tl-edge left iat"')
    const mark = html.indexOf('class="tl-mark')
    const right = html.indexOf('class="tl-edge right warnafter"')
    expect(left).toBeGreaterThan(0)
    expect(mark).toBeGreaterThan(left)
    expect(right).toBeGreaterThan(mark)
    expect(html).toContain('>← iat 39 s ago</button>')
    expect(html).toContain('>warnafter in 59 min →</button>')
    expect(html).toContain('aria-label="warnafter in 59 min, after the view: warnafter of token 6a597411… of pod sa-demo/app at 00:27:38 on 2026-05-24; further on: exp in 365 days; activate to show it"')
  })
})
