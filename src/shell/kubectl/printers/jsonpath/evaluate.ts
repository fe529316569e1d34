// k8s.io/client-go/util/jsonpath/jsonpath.go (FindResults and the eval* walkers)

import type { JsonPathNode, ListNode } from './nodes'
import { CompareError, compare } from './compare'
import { GoNum, INVALID, goTypeName, goV, isMap, type GoVal } from './values'

/** An execution error, with the values Go's walker returns alongside it (an `exists` filter looks at them). */
export class ExecError extends Error {
  constructor(
    message: string,
    readonly value: GoVal[] = [],
  ) {
    super(message)
  }
}

/** Re-throw an error from a nested list with the value this level returns in Go. */
function rethrow(e: unknown, value: GoVal[]): never {
  if (e instanceof ExecError) throw new ExecError(e.message, value)
  throw e
}

const sortedKeys = (m: object) => Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
const isNil = (v: GoVal) => v === null // template.Indirect: a nil interface
const utf8 = new TextEncoder()

/** Children of a map (keys in sorted order: Go's MapKeys order is random), slice, or string (its bytes). */
function children(v: GoVal): GoVal[] {
  if (Array.isArray(v)) return v
  if (isMap(v)) return sortedKeys(v).map((k) => v[k])
  if (typeof v === 'string') return Array.from(utf8.encode(v), (b) => new GoNum('uint', b))
  return []
}

/** One execution of a parsed template: the range bookkeeping of the JSONPath struct. */
export class Engine {
  beginRange = 0
  inRange = 0
  endRange = 0
  lastEndNode = -1
  constructor(
    readonly nodes: JsonPathNode[],
    readonly allowMissingKeys: boolean,
  ) {}

  /** FindResults, walking the root nodes from index `base` (Go re-slices parser.Root.Nodes). */
  findResults(data: GoVal, base = 0): GoVal[][] {
    const cur: GoVal[] = [data]
    const nodes = this.nodes
    const full: GoVal[][] = []
    for (let i = base; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i])
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = i
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(value === null ? INVALID : value, i + 1))
        } else {
          this.findResults(INVALID, i + 1)
        }
        this.inRange--
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  walk(input: GoVal[], node: JsonPathNode): GoVal[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node)
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(input, node.value)
      case 'array':
        return this.evalArray(input, node)
      case 'filter':
        return this.evalFilter(input, node)
      case 'int':
        return input.map(() => node.value)
      case 'float':
        return input.map(() => new GoNum('float', node.value))
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return input.flatMap((v) => (isNil(v) ? [] : children(v)))
      case 'recursive':
        return this.evalRecursive(input)
      case 'union':
        return node.nodes.flatMap((list) => {
          try {
            return this.evalList(input, list)
          } catch (e) {
            return rethrow(e, input)
          }
        })
      case 'identifier':
        return this.evalIdentifier(input, node.name)
    }
  }

  evalList(input: GoVal[], list: ListNode): GoVal[] {
    let cur = input
    for (const n of list.nodes) cur = this.walk(cur, n)
    return cur
  }

  evalIdentifier(input: GoVal[], name: string): GoVal[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++
        return []
      }
      throw new ExecError('not in range, nothing to end')
    }
    throw new ExecError(`unrecognized identifier ${name}`, input)
  }

  evalField(input: GoVal[], key: string): GoVal[] {
    if (input.length === 0) return []
    const results: GoVal[] = []
    for (const v of input) {
      if (isNil(v)) continue
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, key)) results.push(v[key])
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new ExecError(`${key} is not found`)
    return results
  }

  evalArray(input: GoVal[], node: Extract<JsonPathNode, { type: 'array' }>): GoVal[] {
    const result: GoVal[] = []
    for (const value of input) {
      if (isNil(value)) continue
      if (!Array.isArray(value)) throw new ExecError(`${goTypeName(value)} is not array or slice`, input)
      const [p0, p1, p2] = node.params.map((p) => ({ ...p }))
      const len = value.length
      if (!p0.known) p0.value = 0
      if (p0.value < 0) p0.value += len
      if (!p1.known) p1.value = len
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len
      if (p1.value === p0.value) return result
      if (p0.value >= len || p0.value < 0) {
        throw new ExecError(`array index out of bounds: index ${p0.value}, length ${len}`, input)
      }
      if (p1.value > len || p1.value < 0) {
        throw new ExecError(`array index out of bounds: index ${p1.value - 1}, length ${len}`, input)
      }
      if (p0.value > p1.value) {
        throw new ExecError(`starting index ${p0.value} is greater than ending index ${p1.value}`, input)
      }
      const slice = value.slice(p0.value, p1.value)
      let step = 1
      if (p2.known) {
        if (p2.value <= 0) throw new ExecError('step must be > 0', input)
        step = p2.value
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i])
    }
    return result
  }

  evalRecursive(input: GoVal[]): GoVal[] {
    const result: GoVal[] = []
    for (const value of input) {
      if (isNil(value)) continue
      const kids = children(value)
      if (kids.length !== 0) {
        result.push(value)
        result.push(...this.evalRecursive(kids))
      }
    }
    return result
  }

  evalFilter(input: GoVal[], node: Extract<JsonPathNode, { type: 'filter' }>): GoVal[] {
    const results: GoVal[] = []
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new ExecError(`${goV(value)} is not array or slice and cannot be filtered`, input)
      }
      for (const item of value) {
        const temp: GoVal[] = [item]
        let lefts: GoVal[] = []
        let leftErr: unknown
        try {
          lefts = this.evalList(temp, node.left)
        } catch (e) {
          if (!(e instanceof ExecError)) throw e
          leftErr = e
          lefts = e.value
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item)
          continue
        }
        if (leftErr) rethrow(leftErr, input)
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new ExecError('can only compare one element at a time', input)
        let rights: GoVal[]
        try {
          rights = this.evalList(temp, node.right)
        } catch (e) {
          return rethrow(e, input)
        }
        if (rights.length === 0) continue
        if (rights.length > 1) throw new ExecError('can only compare one element at a time', input)
        let pass: boolean
        try {
          pass = compare(node.operator, unwrap(lefts[0]), unwrap(rights[0]))
        } catch (e) {
          if (e instanceof CompareError) throw new ExecError(e.message, results)
          throw e
        }
        if (pass) results.push(item)
      }
    }
    return results
  }
}

/** value.Interface(): a nil interface and reflect.Value{} both become nil. */
const unwrap = (v: GoVal): GoVal => (v === INVALID ? null : v)
