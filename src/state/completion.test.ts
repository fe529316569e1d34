import { describe, expect, it } from 'vitest'
import { applyCompletion, commonPrefix, formatColumns } from './completion'

describe('completion', () => {
  it('completes a single candidate with a trailing space', () => {
    expect(applyCompletion('kub', 3, { from: 0, candidates: ['kubectl'] })).toEqual({
      kind: 'edit',
      edit: { value: 'kubectl ', cursor: 8 },
    })
  })

  it('adds no space after a directory or a flag with =', () => {
    expect(applyCompletion('cat /var/ru', 11, { from: 4, candidates: ['/var/run/'] })).toEqual({
      kind: 'edit',
      edit: { value: 'cat /var/run/', cursor: 13 },
    })
  })

  it('completes the common prefix, then lists', () => {
    expect(applyCompletion('k', 1, { from: 0, candidates: ['kubectl', 'kubeadm'] })).toEqual({
      kind: 'edit',
      edit: { value: 'kube', cursor: 4 },
    })
    expect(applyCompletion('kube', 4, { from: 0, candidates: ['kubectl', 'kubeadm'] })).toEqual({
      kind: 'list',
      candidates: ['kubectl', 'kubeadm'],
    })
  })

  it('edits in the middle of a line', () => {
    expect(applyCompletion('kub get', 3, { from: 0, candidates: ['kubectl'] })).toEqual({
      kind: 'edit',
      edit: { value: 'kubectl get', cursor: 7 },
    })
  })

  it('does nothing without candidates', () => {
    expect(applyCompletion('zz', 2, { from: 0, candidates: [] })).toEqual({ kind: 'none' })
  })

  it('finds common prefixes', () => {
    expect(commonPrefix(['abc', 'abd', 'ab'])).toBe('ab')
    expect(commonPrefix([])).toBe('')
  })

  it('lays candidates out in columns, top to bottom', () => {
    expect(formatColumns(['a', 'bb', 'c', 'd'], 8)).toEqual(['a   c', 'bb  d'])
    expect(formatColumns(['one'], 80)).toEqual(['one'])
  })
})
