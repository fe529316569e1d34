// The jq 1.6 syntax tree and its binary operators' precedence and associativity (src/parser.y).

import type { V } from './values'

export type Pattern = { k: 'var'; name: string } | { k: 'array'; items: Pattern[] } | { k: 'object'; entries: { key: Node; pat: Pattern }[] }

export type Node =
  | { k: 'identity' }
  | { k: 'literal'; v: V }
  | { k: 'string'; parts: (string | Node)[]; format?: string }
  | { k: 'format'; name: string }
  | { k: 'index'; target: Node; index: Node }
  | { k: 'slice'; target: Node; from: Node | null; to: Node | null }
  | { k: 'iterate'; target: Node }
  | { k: 'try'; body: Node; catch: Node | null }
  | { k: 'array'; body: Node | null }
  | { k: 'object'; entries: { key: Node; value: Node }[] }
  | { k: 'neg'; body: Node }
  | { k: 'pipe'; left: Node; right: Node }
  | { k: 'comma'; left: Node; right: Node }
  | { k: 'binop'; op: string; left: Node; right: Node }
  | { k: 'if'; cond: Node; thenB: Node; elseB: Node }
  | { k: 'reduce'; source: Node; pat: Pattern; init: Node; update: Node }
  | { k: 'foreach'; source: Node; pat: Pattern; init: Node; update: Node; extract: Node | null }
  | { k: 'call'; name: string; args: Node[]; pos?: number }
  | { k: 'var'; name: string; pos?: number }
  | { k: 'as'; source: Node; pats: Pattern[]; body: Node }
  | { k: 'def'; name: string; params: string[]; body: Node; rest: Node }
  | { k: 'label'; name: string; body: Node }
  | { k: 'break'; name: string }

export const BINARY: Record<string, [prec: number, assoc: 'l' | 'r' | 'n']> = {
  ',': [2, 'l'], '//': [3, 'r'],
  '=': [4, 'n'], '|=': [4, 'n'], '+=': [4, 'n'], '-=': [4, 'n'], '*=': [4, 'n'], '/=': [4, 'n'], '%=': [4, 'n'], '//=': [4, 'n'],
  or: [5, 'l'], and: [6, 'l'],
  '==': [7, 'n'], '!=': [7, 'n'], '<': [7, 'n'], '<=': [7, 'n'], '>': [7, 'n'], '>=': [7, 'n'],
  '+': [8, 'l'], '-': [8, 'l'], '*': [9, 'l'], '/': [9, 'l'], '%': [9, 'l'],
}
