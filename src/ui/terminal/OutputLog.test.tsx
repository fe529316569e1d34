// A byte that is not UTF-8 (held as a lone surrogate, src/common/bytes.ts) shows as U+FFFD, as on
// a UTF-8 terminal; valid text, including characters outside the BMP, shows as it is.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { stringOfBytes } from '../../common/bytes'
import { SegmentView } from './OutputLog'

describe('terminal output of bytes', () => {
  it('shows each byte that is not UTF-8 as U+FFFD, on stdout and stderr', () => {
    const text = stringOfBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80]))
    expect(renderToStaticMarkup(<SegmentView seg={{ kind: 'out', text }} />)).toBe('\ufffd\ufffdAé😀\ufffd\ufffd\ufffd')
    expect(renderToStaticMarkup(<SegmentView seg={{ kind: 'err', text }} />)).toContain('>\ufffd\ufffdAé😀\ufffd\ufffd\ufffd</span>')
  })
})
