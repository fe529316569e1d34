// k8s.io/client-go/util/jsonpath/node.go

export interface ParamsEntry {
  value: number
  known: boolean
  derived: boolean
}

export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'bool'; value: boolean }

export type ListNode = Extract<JsonPathNode, { type: 'list' }>

export const newList = (): ListNode => ({ type: 'list', nodes: [] })
