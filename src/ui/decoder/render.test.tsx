// Rendered on the server side (no DOM needed): markup in claims stays text. (Server rendering
// sees the stores' initial state, so the views get their tokens as props here.)
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CompareView } from './CompareView'
import { TokenView } from './TokenView'
import { makeToken, podPayload } from '../../jwt/explain/testTokens'

describe('the decoder renders tokens as text', () => {
  it('a claim holding markup is escaped, never an element', () => {
    const html = renderToStaticMarkup(<TokenView token="eyJhbGciOiJub25lIn0.eyJzdWIiOiI8aW1nIHNyYz14IG9uZXJyb3I9YWxlcnQoMSk-In0." idPrefix="t" title="The token" />)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('The signature is empty (an unsigned token).')
  })
  it('a pod token: parts labelled, claims explained; a comparison marks differences in words', () => {
    const html = renderToStaticMarkup(<TokenView token={makeToken(podPayload())} idPrefix="t" title="The token" />)
    for (const s of ['Header', 'Payload', 'Signature', 'Bound to pod app (uid', 'pod app on node worker-0', 'ServiceAccount default in namespace sa-demo', 'When: issued, stale, expires', 'iat + 3607 s (1 h 0 min 7 s)', '2026-05-24 00:27:38 UTC']) expect(html).toContain(s)
    const cmp = renderToStaticMarkup(<CompareView a={makeToken(podPayload())} b={makeToken(podPayload(1779578851 + 2880, 'b'))} />)
    expect(cmp).toContain('≠ differs')
    expect(cmp).toContain('5 of 15 fields differ: exp, iat, jti, kubernetes.io.warnafter, nbf.')
  })
})

describe('summary first', () => {
  it('the summary comes before the claims, and the claims in the order who, for whom, when, bound to', () => {
    const html = renderToStaticMarkup(<TokenView token={makeToken(podPayload())} idPrefix="t" title="The token" />)
    const at = (s: string) => html.indexOf(s)
    expect(at('data-testid="decoder-summary"')).toBeGreaterThan(-1)
    expect(at('data-testid="decoder-summary"')).toBeLessThan(at('data-group="who"'))
    expect(at('data-group="who"')).toBeLessThan(at('data-group="for-whom"'))
    expect(at('data-group="for-whom"')).toBeLessThan(at('data-group="when"'))
    expect(at('data-group="when"')).toBeLessThan(at('data-group="identity"'))
    expect(at('data-group="identity"')).toBeLessThan(at('The token&#x27;s parts'))
    // explanations on demand: each claim is a closed details element
    expect(html).toMatch(/<li class="dec-claim"[^>]*data-claim="sub"><details><summary>/)
  })
})
