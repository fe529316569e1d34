// kubectl explain without the oracle: go-wordwrap's documented behaviour, the v1.35 flags (-o is a shorthand of
// --output since v1.34, pkg/cmd/explain/explain.go at v0.35.0), and the requests explain makes.

import { describe, expect, it } from 'vitest'
import { createLab } from '../../../app/lab'
import { wrapString } from './wordwrap'

describe('wrapString (go-wordwrap v1.0.1)', () => {
  it('breaks at white space within the limit, as its README shows', () => {
    expect(wrapString('foo bar baz', 3)).toBe('foo\nbar\nbaz')
  })
  it('keeps a word longer than the limit whole and keeps newlines', () => {
    expect(wrapString('a verylongword b', 4)).toBe('a\nverylongword\nb')
    expect(wrapString('one\ntwo three', 7)).toBe('one\ntwo\nthree')
  })
  it('counts bytes as Go does: a 2-byte character takes two columns', () => {
    expect(wrapString('é é', 3)).toBe('é\né')
    expect(wrapString('e e', 3)).toBe('e e')
  })
})

describe('kubectl explain in the lab', () => {
  it('explains the events.k8s.io/v1 Event the API server serves (its OpenAPI document is served too)', async () => {
    const lab = await createLab({ seed: '1' })
    const r = await lab.run('kubectl explain events.regarding --api-version=events.k8s.io/v1')
    expect(r.exitCode).toBe(0)
    expect(r.stdout.startsWith('GROUP:      events.k8s.io\nKIND:       Event\nVERSION:    v1\n\nFIELD: regarding <ObjectReference>\n')).toBe(true)
    expect((await lab.run('kubectl get --raw /openapi/v3')).stdout).toContain('"apis/events.k8s.io/v1"')
  })
  it('fetches /openapi/v3 and then the group-version document at its hashed URL', async () => {
    const lab = await createLab({ seed: 'explain-unit' })
    const r = await lab.run('kubectl explain sa.automountServiceAccountToken -v=6')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(
      'KIND:       ServiceAccount\nVERSION:    v1\n\nFIELD: automountServiceAccountToken <boolean>\n\n\nDESCRIPTION:\n' +
        '    AutomountServiceAccountToken indicates whether pods running as this service\n' +
        '    account should have an API token automatically mounted. Can be overridden at\n    the pod level.\n    \n\n',
    )
    expect(r.stderr).toMatch(/"Response" verb="GET" url="https:\/\/[^"]+\/openapi\/v3" status="200 OK"/)
    expect(r.stderr).toMatch(/"Response" verb="GET" url="https:\/\/[^"]+\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}" status="200 OK"/)
    const o = await lab.run('kubectl explain pods -o yaml')
    expect([o.stderr, o.exitCode]).toEqual(['error: unrecognized format: yaml\n', 1])
    const v2 = await lab.run('kubectl explain pods --output=plaintext-openapiv2')
    expect(v2.stderr).toContain('not available in this lab')
  })
})
