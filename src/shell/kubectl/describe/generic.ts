// kubectl describe of a kind that has no describer of its own (a Lease, an Event): the object's
// fields, sorted, each named in words (`holderIdentity` -> `Holder Identity`), nested by indent.
// Imitates: kubectl pkg/describe/describe.go @ v0.35.0 (genericDescriber, printUnstructuredContent,
// smartLabelFor) and github.com/fatih/camelcase (Split)

import { PrefixWriter, describeEvents, printAnnotationsMultiline, printLabelsMultiline, type Obj } from './writer'
import { goV, type GoVal } from '../printers/jsonpath'

type Kind = 'lower' | 'upper' | 'digit' | 'other'
const kindOf = (c: string): Kind => (/\p{Ll}/u.test(c) ? 'lower' : /\p{Lu}/u.test(c) ? 'upper' : /\p{Nd}/u.test(c) ? 'digit' : 'other')

/** camelcase.Split: runs of one kind of character; an upper-case run's last letter starts the lower-case run after it (`HTMLFile` -> HTML, File). */
export function camelSplit(s: string): string[] {
  const runs: string[][] = []
  let last: Kind | undefined
  for (const c of s) {
    const k = kindOf(c)
    if (k === last) runs[runs.length - 1].push(c)
    else runs.push([c])
    last = k
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (runs[i].length && kindOf(runs[i][0]) === 'upper' && kindOf(runs[i + 1][0]) === 'lower') runs[i + 1].unshift(runs[i].pop() as string)
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''))
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']

/** smartLabelFor: `holderIdentity` -> `Holder Identity`, `apiVersion` -> `API Version`; a name with anything but letters and `-` stays as it is. */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()))
    .join(' ')
}

function printContent(w: PrefixWriter, level: number, content: Obj, prefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const path = `${prefix}.${field}`
    if (skip.includes(path)) continue
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printContent(w, level + 1, value, path, skip)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child, path, skip)
        else w.write(level + 1, `${goV(child as GoVal)}\n`)
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goV(value as GoVal)}\n`)
  }
}

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']

export function describeGeneric(o: Obj, events: Obj[] | undefined, now: number): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${o.metadata?.name ?? ''}\n`)
  w.write(0, `Namespace:\t${o.metadata?.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', o.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', o.metadata?.annotations)
  printContent(w, 0, o, '', SKIP)
  if (events) describeEvents(w, events, now)
  return w.toString()
}
