// Strategic merge patch as the API server applies it, on the lists the kinds' types tag (Kubernetes'
// "Update API Objects in Place Using kubectl patch": containers merge by name, tolerations are
// replaced, `$patch: replace` and `$patch: delete`, `$deleteFromPrimitiveList`).
import { describe, expect, it } from 'vitest'
import { applyPatch } from './patch'
import { strategicMergePatch } from './strategicMerge'

const SMP = 'application/strategic-merge-patch+json'
const pod = () => ({
  kind: 'Pod',
  metadata: { name: 'p', finalizers: ['a/x'] },
  spec: {
    containers: [{ name: 'app', image: 'agnhost', command: ['sleep', '1'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }],
    tolerations: [{ key: 't1', operator: 'Exists' }],
    volumes: [{ name: 'v1', emptyDir: {} }],
  },
})

describe('strategic merge patch', () => {
  it('merges a keyed list item by item: the named item keeps what the patch does not say; a new one goes at the end', () => {
    const out = strategicMergePatch('Pod', pod(), { spec: { containers: [{ name: 'app', image: 'busybox' }, { name: 'side', image: 'redis' }] } }) as ReturnType<typeof pod>
    expect(out.spec.containers).toEqual([
      { name: 'app', image: 'busybox', command: ['sleep', '1'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
      { name: 'side', image: 'redis' },
    ])
  })

  it('merges a keyed list inside a keyed item (a container\'s env by name)', () => {
    const out = strategicMergePatch('Pod', pod(), { spec: { containers: [{ name: 'app', env: [{ name: 'B', value: '3' }, { name: 'C', value: '4' }] }] } }) as ReturnType<typeof pod>
    expect(out.spec.containers[0].env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '3' }, { name: 'C', value: '4' }])
  })

  it('replaces a list without a merge key (tolerations)', () => {
    const out = strategicMergePatch('Pod', pod(), { spec: { tolerations: [{ key: 't2', operator: 'Exists' }] } }) as ReturnType<typeof pod>
    expect(out.spec.tolerations).toEqual([{ key: 't2', operator: 'Exists' }])
  })

  it('$patch: delete removes the item with that key; $patch: replace replaces the list or the map', () => {
    const del = strategicMergePatch('Pod', pod(), { spec: { containers: [{ name: 'app', env: [{ name: 'A', $patch: 'delete' }] }] } }) as ReturnType<typeof pod>
    expect(del.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }])
    const rep = strategicMergePatch('Pod', pod(), { spec: { volumes: [{ name: 'v2', emptyDir: {} }, { $patch: 'replace' }] } }) as ReturnType<typeof pod>
    expect(rep.spec.volumes).toEqual([{ name: 'v2', emptyDir: {} }])
    const map = strategicMergePatch('Pod', pod(), { metadata: { $patch: 'replace', name: 'q' } }) as ReturnType<typeof pod>
    expect(map.metadata).toEqual({ name: 'q' })
  })

  it('a set of scalars (finalizers) gains new values and loses those $deleteFromPrimitiveList names; an emptied list is gone', () => {
    const more = strategicMergePatch('Pod', pod(), { metadata: { finalizers: ['a/x', 'b/y'] } }) as ReturnType<typeof pod>
    expect(more.metadata.finalizers).toEqual(['a/x', 'b/y'])
    const none = strategicMergePatch('Pod', more, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a/x', 'b/y'] } }) as ReturnType<typeof pod>
    expect(none.metadata).toEqual({ name: 'p' })
  })

  it('null removes a key; the ServiceAccount merges its secrets by name and replaces imagePullSecrets', () => {
    const sa = { kind: 'ServiceAccount', metadata: { name: 'default', labels: { a: 'b' } }, secrets: [{ name: 's1' }], imagePullSecrets: [{ name: 'r1' }] }
    expect(strategicMergePatch('ServiceAccount', sa, { metadata: { labels: null }, secrets: [{ name: 's2' }], imagePullSecrets: [{ name: 'r2' }] })).toEqual({
      kind: 'ServiceAccount', metadata: { name: 'default' }, secrets: [{ name: 's1' }, { name: 's2' }], imagePullSecrets: [{ name: 'r2' }],
    })
  })

  it('a merge patch (RFC 7386) replaces every list, and applyPatch without a kind merges as one', () => {
    const patch = { spec: { containers: [{ name: 'app', image: 'busybox' }] } }
    expect((applyPatch('application/merge-patch+json', pod(), patch, 'Pod') as ReturnType<typeof pod>).spec.containers).toEqual([{ name: 'app', image: 'busybox' }])
    expect((applyPatch(SMP, pod(), patch) as ReturnType<typeof pod>).spec.containers).toEqual([{ name: 'app', image: 'busybox' }])
    expect((applyPatch(SMP, pod(), patch, 'Pod') as ReturnType<typeof pod>).spec.containers[0].command).toEqual(['sleep', '1'])
  })
})
