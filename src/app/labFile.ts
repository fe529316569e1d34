// Export and import of the whole lab as a JSON file: the same record the page saves (persist.ts's
// StoredLab: the lab's snapshot, its seed and start, the terminal's lines). An imported file is
// untrusted input: size-limited, parsed, and checked by validateImportedLab before the lab sees it.
// The snapshot is checked by the lab's one schema (src/app/schema.ts), as saves and share links are.
// Loaded on demand (import()): the schema's validator is not part of the page's first bundle.

import type { LabSnapshot } from './lab'
import { checkSnapshot, SNAPSHOT_VERSION } from './schema'
import { parseStored, STATE_VERSION, type StoredLab } from './persist'

/** Largest file accepted. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export type ImportResult = { ok: true; lab: StoredLab & { snapshot: LabSnapshot } } | { ok: false; reason: string }

/** Check a parsed file (untrusted): a lab record this page can restore, or why not. */
export function validateImportedLab(raw: unknown): ImportResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'the file does not hold a lab (it is not a JSON object)' }
  const o = raw as { v?: unknown; snapshot?: { version?: unknown } }
  if (typeof o.v === 'number' && o.v > STATE_VERSION) return { ok: false, reason: `the file was made by a newer version of the lab (file version ${o.v}; this page reads version ${STATE_VERSION})` }
  const snapVersion = typeof o.snapshot === 'object' && o.snapshot !== null ? o.snapshot.version : undefined
  if (typeof snapVersion === 'number' && snapVersion > SNAPSHOT_VERSION) {
    return { ok: false, reason: `the file holds a lab from a newer version of the lab (lab version ${snapVersion}; this page reads version ${SNAPSHOT_VERSION})` }
  }
  const stored = parseStored(JSON.stringify(raw))
  if (!stored.ok) return { ok: false, reason: `the file cannot be used: ${stored.reason}` }
  const checked = checkSnapshot(stored.stored.snapshot)
  if (!checked.ok) return { ok: false, reason: `the file cannot be used: ${checked.reason}` }
  return { ok: true, lab: { ...stored.stored, snapshot: checked.snapshot } }
}

/** Parse a file's text (its size checked first) and validate it. */
export function parseImportedLab(text: string, size = new TextEncoder().encode(text).length): ImportResult {
  if (size > MAX_IMPORT_BYTES) return { ok: false, reason: `the file is too large (${size} bytes; at most ${MAX_IMPORT_BYTES})` }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'the file is not JSON' }
  }
  return validateImportedLab(raw)
}

/** Read and check a chosen file. */
export async function readImportedLab(file: Blob): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: `the file is too large (${file.size} bytes; at most ${MAX_IMPORT_BYTES})` }
  return parseImportedLab(await file.text(), file.size)
}

/** The file name of an export: the lab time it was taken at. */
export function exportFileName(labMs: number): string {
  return `token-lab-${new Date(labMs).toISOString().slice(0, 19).replace(/:/g, '-')}.json`
}
