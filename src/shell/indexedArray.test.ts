// Arrays as the shell's scopes keep them: index order whatever the order of assignment, a
// subshell's or function's changes kept where bash keeps them, and a saved lab's text read back
// (the format saved labs already hold: `[[index, value], ...]`, `null` for `declare -a` alone).

import { describe, expect, test } from 'vitest'
import { IndexedArray } from './indexedArray'
import { MemoryEnv, OverlayEnv } from './env'
import { ARRAY_KEY, arrayFromText, declareArray, setArray, writableArray } from './arrays'
import { FunctionScope } from './compoundExec'
import { AssocArray } from './assocArray'

describe('IndexedArray', () => {
  test('lists its elements in index order and knows where the next one goes', () => {
    const a = IndexedArray.of([[5, 'f'], [2, 'c'], [9, 'j']])
    expect(a.next).toBe(10)
    expect(a.sorted()).toEqual([[2, 'c'], [5, 'f'], [9, 'j']])
    a.delete(9)
    expect(a.next).toBe(6)
    a.set(0, 'z')
    expect(a.sorted().map(([i]) => i)).toEqual([0, 2, 5])
  })

  test('a bare declaration stops being bare at its first element', () => {
    const a = new IndexedArray()
    a.bare = true
    expect(declareArray('d', a, '')).toBe('declare -a d\n')
    a.set(3, 'x')
    expect(declareArray('d', a, '')).toBe('declare -a d=([3]="x")\n')
  })
})

describe('arrays in the shell scopes', () => {
  test("a subshell's change is its own copy", () => {
    const env = new MemoryEnv()
    setArray(env, 'a', IndexedArray.list(['1', '2']))
    const sub = new OverlayEnv(env)
    writableArray(sub, 'a').set(1, 'x')
    expect(sub.array('a')?.get(1)).toBe('x')
    expect(env.array('a')?.get(1)).toBe('2')
  })

  test("a function's local array hides the caller's; a global one is changed in place", () => {
    const env = new MemoryEnv()
    setArray(env, 'g', IndexedArray.list(['g0']))
    setArray(env, 'l', IndexedArray.list(['outer']))
    const scope = new FunctionScope(env)
    scope.declare('l', undefined)
    expect(scope.array('l')).toBeUndefined()
    setArray(scope, 'l', IndexedArray.list(['inner']))
    writableArray(scope, 'g').set(1, 'g1')
    expect(env.array('l')?.get(0)).toBe('outer')
    expect(env.array('g')?.sorted()).toEqual([[0, 'g0'], [1, 'g1']])
  })

  test('a snapshot holds arrays as text and gives them back', () => {
    const env = new MemoryEnv()
    const a = writableArray(env, 'a')
    a.set(7, 'seven')
    a.set(1, 'one "q"')
    const snap = env.snapshot()
    expect(snap.vars[`${ARRAY_KEY}a`]).toBe('[[1,"one \\"q\\""],[7,"seven"]]')
    const back = new MemoryEnv(JSON.parse(JSON.stringify(snap)))
    expect(back.array('a')?.sorted()).toEqual([[1, 'one "q"'], [7, 'seven']])
    expect(back.all()).toEqual({})
  })

  test("a saved lab's broken array text reads as an empty array", () => {
    expect(arrayFromText('null').bare).toBe(true)
    expect(arrayFromText('{').size).toBe(0)
    expect(arrayFromText('"x"').size).toBe(0)
    expect((arrayFromText('[[1,"a"],[-1,"b"],["2","c"],[3,4],[4.5,"d"]]') as IndexedArray).sorted()).toEqual([[1, 'a']])
  })
})

describe('associative arrays', () => {
  test("list their keys in bash's order: by hash bucket, the newest first in a bucket", () => {
    // (bash 5.2 here: declare -A m; for k in a b c; do m[$k]=1; done; echo ${!m[@]})
    const m = AssocArray.of([['a', '1'], ['b', '1'], ['c', '1']])
    expect(m.ordered().map(([k]) => k)).toEqual(['c', 'b', 'a'])
    m.set('a', 'again')
    expect(m.ordered().map(([k]) => k)).toEqual(['c', 'b', 'a'])
  })

  test('a snapshot keeps the order the keys went in, so the listing comes back the same', () => {
    const env = new MemoryEnv()
    const m = new AssocArray()
    for (const k of ['one', 'two', 'three', 'four', 'five']) m.set(k, k.toUpperCase())
    env.putArray('m', m)
    const back = new MemoryEnv(JSON.parse(JSON.stringify(env.snapshot())))
    expect(back.assoc('m')?.ordered()).toEqual(m.ordered())
    expect(back.array('m')).toBeUndefined()
    expect(arrayFromText('{"assoc":[["k","v"],["x",1],[2,"y"]]}')).toEqual(AssocArray.of([['k', 'v']]))
    expect((arrayFromText('{"assoc":null}') as AssocArray).bare).toBe(true)
  })
})
