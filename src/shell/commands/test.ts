// The bash builtins test and [ (builtins/test.def, test.c): POSIX argument-count rules first,
// then the general grammar with ! ( ) -a -o; string, integer and file tests on the home fs.

import type { CommandContext, CommandSpec } from '../types'
import { charDevice } from '../devices'
import { evalArithmetic } from '../arith'
import { resolveIndex } from '../arrays'

class TestError {
  constructor(readonly message: string) {}
}

const UNARY = new Set(['-z', '-n', '-e', '-a', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-v', '-o'])
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'])

function makeTest(name: 'test' | '['): CommandSpec {
  return {
    name,
    summary: name === 'test' ? 'Evaluate conditional expression.' : 'Evaluate conditional expression (the last argument must be `]`).',
    usage: name === 'test' ? 'test [expr]' : '[ arg... ]',
    async run(ctx) {
      let args = ctx.argv.slice(1)
      if (name === '[') {
        if (args[args.length - 1] !== ']') {
          ctx.stderr("bash: [: missing `]'\n")
          return 2
        }
        args = args.slice(0, -1)
      }
      try {
        return evaluate(args, ctx) ? 0 : 1
      } catch (e) {
        if (e instanceof TestError) {
          ctx.stderr(`bash: ${name}: ${e.message}\n`)
          return 2
        }
        throw e
      }
    },
  }
}

export const test = makeTest('test')
export const bracket = makeTest('[')

function evaluate(args: string[], ctx: CommandContext): boolean {
  switch (args.length) {
    case 0:
      return false
    case 1:
      return args[0] !== ''
    case 2:
      if (args[0] === '!') return args[1] === ''
      if (UNARY.has(args[0])) return unaryTest(args[0], args[1], ctx)
      throw new TestError(`${args[0]}: unary operator expected`)
    case 3:
      if (BINARY.has(args[1])) return binary(args[0], args[1], args[2])
      if (args[1] === '-a') return args[0] !== '' && args[2] !== ''
      if (args[1] === '-o') return args[0] !== '' || args[2] !== ''
      if (args[0] === '!') return !evaluate(args.slice(1), ctx)
      if (args[0] === '(' && args[2] === ')') return args[1] !== ''
      throw new TestError(`${args[1]}: binary operator expected`)
    case 4:
      if (args[0] === '!') return !evaluate(args.slice(1), ctx)
      if (args[0] === '(' && args[3] === ')') return evaluate(args.slice(1, 3), ctx)
  }
  return general(args, ctx)
}

function general(args: string[], ctx: CommandContext): boolean {
  let i = 0
  const orExpr = (): boolean => {
    let v = andExpr()
    while (args[i] === '-o') {
      i++
      const r = andExpr()
      v = v || r
    }
    return v
  }
  const andExpr = (): boolean => {
    let v = term()
    while (args[i] === '-a') {
      i++
      const r = term()
      v = v && r
    }
    return v
  }
  const term = (): boolean => {
    const a = args[i]
    if (a === undefined) throw new TestError('argument expected')
    if (a === '!') {
      i++
      return !term()
    }
    if (a === '(') {
      i++
      const v = orExpr()
      if (args[i] !== ')') throw new TestError("`)' expected")
      i++
      return v
    }
    if (BINARY.has(args[i + 1] ?? '')) {
      i += 3
      if (args[i - 1] === undefined) throw new TestError('argument expected')
      return binary(a, args[i - 2], args[i - 1])
    }
    if (UNARY.has(a) && args[i + 1] !== undefined) {
      i += 2
      return unaryTest(a, args[i - 1], ctx)
    }
    i++
    return a !== ''
  }
  const v = orExpr()
  if (i < args.length) throw new TestError('too many arguments')
  return v
}

/** A unary test (`-f FILE`, `-z STRING` ...) on the home file system; also `[[ ]]`'s. */
/**
 * `-v NAME` and `-v NAME[SUB]`: whether the variable or the element is set. An indexed array's
 * subscript is arithmetic (negative counts from the end); `@` and `*` ask for any element at all,
 * except of an associative array, where bash 5.2 looks for no such key and answers false.
 */
function isSet(arg: string, env: CommandContext['env'], warn: (message: string) => void): boolean {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(arg)
  if (!m) return env.get(arg) !== undefined
  const [, name, sub] = m
  const assoc = env.assoc(name)
  if (assoc) return sub !== '@' && sub !== '*' && assoc.get(sub) !== undefined
  const array = env.array(name)
  if (sub === '@' || sub === '*') return array ? array.size > 0 : env.get(name) !== undefined
  if (sub.trim() === '') return false
  const r = evalArithmetic(sub, env)
  if (typeof r === 'string') {
    warn(`bash: ${r}\n`)
    return false
  }
  const index = array ? resolveIndex(array, r) : r < 0n ? undefined : Number(r)
  if (index === undefined) {
    warn(`bash: ${name}: bad array subscript\n`)
    return false
  }
  return array ? array.has(index) : index === 0 && env.get(name) !== undefined
}

export function unaryTest(op: string, arg: string, ctx: Pick<CommandContext, 'fs' | 'env'> & { stderr?: (text: string) => void }): boolean {
  const fs = ctx.fs
  const path = () => fs.resolve(arg)
  switch (op) {
    case '-z':
      return arg === ''
    case '-n':
      return arg !== ''
    case '-e':
    case '-a':
    case '-r':
    case '-w':
      return arg !== '' && fs.exists(path())
    case '-f':
      return arg !== '' && fs.exists(path()) && !fs.isDir(path()) && !charDevice(path())
    case '-c':
      return arg !== '' && charDevice(path()) !== undefined
    case '-d':
      return arg !== '' && fs.isDir(path())
    case '-x':
      // root may search any directory and run any file with an execute bit
      return arg !== '' && (fs.isDir(path()) || ((fs.mode?.(path()) ?? 0) & 0o111) !== 0)
    case '-s':
      return arg !== '' && !charDevice(path()) && (fs.isDir(path()) || (fs.readFile(path()) ?? '') !== '')
    case '-v':
      return isSet(arg, ctx.env, ctx.stderr ?? (() => {}))
    default:
      return false
  }
}

function integer(s: string): number {
  const t = s.trim()
  if (!/^[-+]?[0-9]+$/.test(t)) throw new TestError(`${s}: integer expression expected`)
  return Number(t)
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '>':
      return a > b
    case '-nt':
    case '-ot':
    case '-ef':
      return false
  }
  const x = integer(a)
  const y = integer(b)
  switch (op) {
    case '-eq': return x === y
    case '-ne': return x !== y
    case '-lt': return x < y
    case '-le': return x <= y
    case '-gt': return x > y
    default: return x >= y
  }
}
