// What kubectl get reads and how it lays out a table: shared by the list (get.ts) and the watch (getWatch.ts).
// Imitates: kubectl pkg/cmd/get/get.go (the builder's requests, ContinueOnError) and the table printer's rows.

import type { ResourceRequest } from '../builder'
import type { RestClient } from '../client'
import type { Kubectl } from '../command'
import { StatusError } from '../errors'
import { stringSlice } from '../flags'
import { KUBECTL_TABWRITER, tabwrite } from '../format'
import { kindString, resourcePath, type ResourceInfo } from '../resources'
import { listError, matchesFields, matchesLabels, parseLabelSelector } from '../selectors'
import { formatLabels, headerRow, tableFor, type Obj } from '../tables'

export interface Found {
  resource: ResourceInfo
  obj: Obj
}

/** A list's or a watch's selector parameters, as client-go encodes ListOptions (keys in sorted order, empty ones left out). */
export function selectorParams(field: string, label: string): string[] {
  const q: string[] = []
  if (field) q.push(`fieldSelector=${encodeURIComponent(field)}`)
  if (label) q.push(`labelSelector=${encodeURIComponent(label)}`)
  return q
}

function listQuery(k: Kubectl): string {
  return `?${[...selectorParams(k.flags.str('field-selector'), k.flags.str('selector')), 'limit=500'].join('&')}`
}

/**
 * Fetches what the arguments name; errors are collected, as the builder's ContinueOnError does.
 * `visited`: the resource of each request that succeeded, an empty list too (the builder's infos,
 * one per list as the server's Table is not flattened), for get's multipleGVKsRequested.
 */
export async function fetchAll(
  k: Kubectl,
  client: RestClient,
  reqs: ResourceRequest[],
  allNamespaces: boolean,
  errors: unknown[],
): Promise<{ found: Found[]; visited: ResourceInfo[]; single: boolean; resourceVersion?: string }> {
  const ns = client.config.namespace
  const found: Found[] = []
  const visited: ResourceInfo[] = []
  let resourceVersion: string | undefined
  const labelReqs = parseLabelSelector(k.flags.str('selector'))
  const fieldSel = k.flags.str('field-selector')
  for (const r of reqs) {
    try {
      if (r.name !== undefined) {
        const obj = await client.request<Obj>('GET', resourcePath(r.resource, ns, r.name))
        found.push({ resource: r.resource, obj })
      } else {
        const path = resourcePath(r.resource, allNamespaces ? undefined : ns) + listQuery(k)
        const list = await client.request<Obj>('GET', path).catch((e: unknown) => {
          throw listError(e, r.resource, k.flags.str('selector'), fieldSel)
        })
        resourceVersion = list.metadata?.resourceVersion
        for (const item of (list.items ?? []) as Obj[]) {
          if (!matchesLabels(labelReqs, item.metadata?.labels)) continue
          if (fieldSel && !matchesFields(fieldSel, item)) continue
          found.push({ resource: r.resource, obj: { apiVersion: r.resource.group ? `${r.resource.group}/${r.resource.version}` : r.resource.version, kind: r.resource.kind, ...item } })
        }
      }
      visited.push(r.resource)
    } catch (e) {
      if (!(k.flags.bool('ignore-not-found') && e instanceof StatusError && e.code === 404)) errors.push(e)
    }
  }
  return { found, visited, single: reqs.length === 1 && reqs[0].name !== undefined, resourceVersion }
}

/** The cells of a table's lines for objects of one resource: its header (with `header`), then a row per object. */
export function tableLines(k: Kubectl, res: ResourceInfo, objs: Obj[], o: { allNamespaces: boolean; wide: boolean; withKind: boolean; header: boolean }): string[][] {
  const table = tableFor(res.kind)
  const withNs = o.allNamespaces && res.namespaced
  const now = k.now()
  // -L KEY: a column of each label's value, headed by the key's last segment in capitals (after the table's own columns, before LABELS)
  const labelColumns = stringSlice(k.flags.all('label-columns'))
  const lines: string[][] = []
  if (o.header && !k.flags.bool('no-headers')) {
    const h = [...(withNs ? ['NAMESPACE'] : []), ...headerRow(table, o.wide), ...labelColumns.map((l) => (l.split('/').pop() ?? '').toUpperCase())]
    if (k.flags.bool('show-labels')) h.push('LABELS')
    lines.push(h)
  }
  for (const obj of objs) {
    const cells = table.row(obj, now, o.wide).map((c) => String(c ?? ''))
    if (o.withKind) cells[0] = `${kindString(res)}/${cells[0]}`
    if (withNs) cells.unshift(obj.metadata?.namespace ?? '')
    for (const l of labelColumns) cells.push(obj.metadata?.labels?.[l] ?? '')
    if (k.flags.bool('show-labels')) cells.push(formatLabels(obj.metadata?.labels))
    lines.push(cells)
  }
  return lines
}

/** A table's lines as kubectl's tab writer prints them. */
export const tableText = (lines: string[][]): string => tabwrite(lines.map((l) => l.join('\t') + '\n').join(''), KUBECTL_TABWRITER)
