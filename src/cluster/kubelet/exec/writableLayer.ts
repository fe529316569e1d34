// What processes wrote in a container outside its volumes: the writable layer the runtime gives
// each container over its image (overlayfs's upper directory). It lasts as long as the container:
// the next exec finds the files the last one wrote, and a restarted container starts from the
// image again. Kept in the container's record (so a saved lab keeps it), bounded. What they wrote
// in an emptyDir goes to the pod's volume instead: every container of the pod sees it, until the
// pod goes.
// Imitates: containerd's snapshotter (a fresh active snapshot per container) and overlayfs.

import type { ContainerRecord, VolumeRecord } from '../state'
import { runStateAt, type RestartPolicy } from '../timeline'
import type { LayerWrites } from './containerShell'

/** The characters a container's layer keeps (its files' contents and names together). */
export const LAYER_MAX = 512 * 1024
/** Paths that are no part of the layer: the kernel's and the runtime's file systems. */
const NOT_LAYER = ['/proc/', '/sys/', '/dev/']

/** The run of the container now (0, then one more for each restart). */
function runIndex(c: ContainerRecord, policy: RestartPolicy, now: number): number {
  const start = c.startedAt ?? now
  return c.exit ? runStateAt(start, c.exit, policy, now).current.index : 0
}

/** Whether `path` (a file, or a folder as `path/`) lies under one of the mount points (without their trailing slashes). */
const under = (path: string, mounts: readonly string[]) => mounts.some((m) => path.startsWith(`${m}/`))
const trimmed = (m: string) => m.replace(/\/+$/, '')

/** The keys of `writes` that fit in LAYER_MAX characters (names and contents), the largest left out first; and those left out. */
function fitting(writes: Record<string, string | null>, keys: string[]): { kept: string[]; dropped: string[] } {
  let size = keys.reduce((n, k) => n + k.length + (writes[k]?.length ?? 0), 0)
  const dropped: string[] = []
  for (const k of [...keys].sort((a, b) => (writes[b]?.length ?? 0) - (writes[a]?.length ?? 0))) {
    if (size <= LAYER_MAX) break
    size -= k.length + (writes[k]?.length ?? 0)
    dropped.push(k)
  }
  const out = new Set(dropped)
  return { kept: keys.filter((k) => !out.has(k)), dropped }
}

/**
 * What the process changed in an emptyDir mounted at `at`: into the pod's volume record, which
 * every container of the pod mounts and which lasts as long as the pod (paths relative to it).
 */
function keepInVolume(v: VolumeRecord, at: string, writes: Record<string, string | null>, keys: string[], now: number): void {
  for (const k of keys) {
    const rel = k.slice(at.length + 1)
    if (rel === '') continue
    const text = writes[k]
    if (text === null) {
      for (const f of Object.keys(v.files)) if (f === rel || f.startsWith(rel.endsWith('/') ? rel : `${rel}/`)) delete v.files[f]
    } else v.files[rel] = { text }
  }
  v.writtenAt = now
}

/** A writable emptyDir of the container: where it is mounted, and the pod's record of it. */
export interface EmptyDirMount { at: string; volume: VolumeRecord }

/**
 * The container's layer for a process started now, and where that process's writes go: every
 * change outside the volumes (`mounts`, their mount paths), in place of the layer before; what it
 * changed in a writable emptyDir (`emptyDirs`), to that volume. Past LAYER_MAX (for the layer, and
 * for each volume) the largest files are left out; `dropped` names them.
 */
export function layerFor(c: ContainerRecord, policy: RestartPolicy, now: number, mounts: readonly string[], changed?: () => void, emptyDirs: readonly EmptyDirMount[] = []): { layer?: LayerWrites; keepLayer: (w: LayerWrites) => string[] } {
  const run = runIndex(c, policy, now)
  const layer = c.layer && c.layer.run === run ? { writes: c.layer.writes, at: c.layer.at } : undefined
  const volumes = mounts.map(trimmed)
  const keepLayer = (w: LayerWrites): string[] => {
    const all = Object.keys(w.writes).filter((k) => !NOT_LAYER.some((p) => k.startsWith(p)))
    const dropped: string[] = []
    for (const e of emptyDirs) {
      const at = trimmed(e.at)
      const mine = all.filter((k) => under(k, [at]))
      if (mine.length === 0) continue
      const fit = fitting(w.writes, mine)
      dropped.push(...fit.dropped)
      keepInVolume(e.volume, at, w.writes, fit.kept, now)
    }
    const fit = fitting(w.writes, all.filter((k) => !under(k, volumes)))
    dropped.push(...fit.dropped)
    const writes: Record<string, string | null> = {}
    const at: Record<string, number> = {}
    for (const k of fit.kept) {
      writes[k] = w.writes[k]
      if (w.at[k] !== undefined) at[k] = w.at[k]
    }
    if (fit.kept.length === 0) delete c.layer
    else c.layer = { run, writes, at }
    changed?.()
    return dropped
  }
  return { ...(layer ? { layer } : {}), keepLayer }
}
