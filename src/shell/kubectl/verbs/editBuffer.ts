// Imitates: kubectl pkg/cmd/util/editor/editoptions.go (editHeader.writeTo, hashOnLineBreak, hasLines,
// preservedFile) and pkg/cmd/util/helpers.go (StripComments, ManualStrip): the text of the file
// `kubectl edit` opens, and how it reads the file back.

import { LineCounter, isMap, isSeq, parseAllDocuments, parseDocument, type Node } from 'yaml'
import type { HomeFs } from '../../types'
import { sortedJson } from '../applyPatch'
import { KubectlError } from '../errors'
import { parseManifest } from '../manifest'
import { RESOURCES, type ResourceInfo } from '../resources'
import { fnv1a32 } from '../../../common/fnv'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

/** Why the file is reopened: a heading and, for an invalid object, one line per cause. */
export interface EditReason {
  head: string
  other: string[]
}

/** hashOnLineBreak: a `# ` after every line break that is not followed by a `#` already. */
const hashOnLineBreak = (s: string) => s.replace(/\n(?=[^#])/g, '\n# ')

/** The comment block at the top of the file, with the reasons for reopening it. */
export function editHeader(reasons: EditReason[]): string {
  let s = EDIT_HEADER
  for (const r of reasons) {
    s += `# ${hashOnLineBreak(r.head)}${r.other.length ? ':' : ''}\n`
    for (const o of r.other) s += `# * ${hashOnLineBreak(o)}\n`
    s += '#\n'
  }
  return s
}

/** ManualStrip: drop the lines that are comments (`#`, but not `#!`). */
export function manualStrip(text: string): string {
  const lines = text.split('\n')
  let out = ''
  lines.forEach((line, i) => {
    const t = line.trim()
    if (t.startsWith('#') && !t.startsWith('#!')) return
    out += line + (i < lines.length - 1 ? '\n' : '')
  })
  return out
}

/** StripComments: the file as JSON (comments and formatting gone), or manually stripped when it does not parse. */
export function stripComments(text: string): string {
  try {
    const docs = parseAllDocuments(text)
    const first = Array.isArray(docs) ? docs[0] : undefined
    if (first && first.errors.length) return manualStrip(text)
    return sortedJson(first?.toJS() ?? null)
  } catch {
    return manualStrip(text)
  }
}

/** hasLines: whether any line holds something other than blanks and comments. */
export const hasLines = (text: string) => text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'))

/** One object read back from the edited file, mapped to its resource. */
export interface EditedInfo {
  obj: Obj
  resource: ResourceInfo
}

/**
 * The builder's Stream(data, "edited-file"): the objects of the file (a List gives its items). A file that does
 * not parse or map throws the message kubectl puts after `The edited file had a syntax error: `.
 */
export function readEdited(text: string): EditedInfo[] {
  let docs: Obj[]
  try {
    docs = parseManifest(text, 'edited-file')
  } catch (e) {
    throw new Error(fromFileStart(text, e instanceof KubectlError ? e.text.replace(/^error: /, '') : String(e)))
  }
  const out: EditedInfo[] = []
  for (const d of docs.flatMap((o) => (typeof o?.kind === 'string' && o.kind.endsWith('List') ? (o.items ?? []) : [o]))) {
    if (typeof d !== 'object' || d === null || !d.kind) throw new Error(`unable to decode "edited-file": Object 'Kind' is missing in '${sortedJson(d)}'`)
    const gv = String(d.apiVersion ?? '')
    const slash = gv.indexOf('/')
    const [group, version] = slash < 0 ? ['', gv] : [gv.slice(0, slash), gv.slice(slash + 1)]
    const resource = RESOURCES.find((r) => r.kind === d.kind && r.group === group && r.version === version)
    if (!resource) throw new Error(`unable to recognize "edited-file": no matches for kind "${d.kind}" in version "${gv}"`)
    out.push({ obj: d, resource })
  }
  return out
}

/**
 * kubectl converts the whole file (up to a `---`) at once, so its line numbers count the comment and blank lines
 * before the object; parseManifest counts from the object's first line. For a file of one document, add them.
 */
function fromFileStart(text: string, message: string): string {
  if (/^---/m.test(text)) return message
  const before = text.split('\n').findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  return message.replace(/yaml: line (\d+):/, (_, n: string) => `yaml: line ${Number(n) + Math.max(before, 0)}:`)
}

/** The line (1-based) a YAML parse error names, when the message has one. */
export function errorLine(message: string): number | undefined {
  const m = /yaml: line (\d+):/.exec(message)
  return m ? Number(m[1]) : undefined
}

/** The line (1-based) of the key a field path such as `spec.containers[0].image` names in a YAML text. */
export function fieldLine(text: string, field: string): number | undefined {
  const path = field.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p))
  if (path.length === 0) return undefined
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter })
  let node: Node | null | undefined = doc.contents as Node | null
  let at: number | undefined
  for (const p of path) {
    if (isMap(node)) {
      const pair = node.items.find((i) => (i.key as { value?: unknown } | null)?.value === p)
      if (!pair) break
      at = (pair.key as Node).range?.[0]
      node = pair.value as Node | null
    } else if (isSeq(node) && typeof p === 'number') {
      node = node.items[p] as Node | undefined
      if (!node) break
      at = node.range?.[0]
    } else break
  }
  return at === undefined ? undefined : counter.linePos(at).line
}

/** The number os.CreateTemp puts in the name: decimal of a 32-bit value, here derived from the lab's state (deterministic). */
function tempNumber(seed: string): string {
  return String(fnv1a32(seed))
}

/** `/tmp/kubectl-edit-2213431851.yaml`: a new name in the home fs's /tmp (the directory is made if missing). */
export function tempFile(fs: HomeFs, ext: string, seed: string): string {
  if (!fs.isDir('/tmp')) fs.mkdir('/tmp')
  for (let i = 0; ; i++) {
    const path = `/tmp/kubectl-edit-${tempNumber(`${seed}:${i}`)}${ext}`
    if (!fs.exists(path)) return path
  }
}
