// The boundary's fallback, rendered without a DOM: a short message naming the part, and a retry.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ErrorBoundary } from './ErrorBoundary'

function fallback(error: unknown, inline = false): string {
  const b = new ErrorBoundary({ name: 'lab clock', inline, children: null })
  b.state = { ...b.state, ...ErrorBoundary.getDerivedStateFromError(error) }
  return renderToStaticMarkup(<>{b.render()}</>)
}

describe('ErrorBoundary', () => {
  it('names the part that failed, says why, and offers a retry', () => {
    const html = fallback(new TypeError('e.facts(...).filter is not a function'))
    expect(html).toBe(
      '<div class="part-error" role="alert">The lab clock failed: e.facts(...).filter is not a function. <button type="button">Retry</button></div>',
    )
  })

  it('keeps a long or odd reason short and as text', () => {
    const html = fallback(`<img src=x onerror=alert(1)>${'x'.repeat(500)}`, true)
    expect(html.startsWith('<span class="part-error" role="alert">The lab clock failed: &lt;img src=x onerror=alert(1)&gt;')).toBe(true)
    expect(html).toContain('x…. <button')
    expect(html.length).toBeLessThan(400)
  })

  it('renders its children while nothing failed', () => {
    expect(renderToStaticMarkup(<ErrorBoundary name="x"><p>fine</p></ErrorBoundary>)).toBe('<p>fine</p>')
  })
})
