// What processes wrote in a container outside its volumes: the writable layer the runtime gives
// each container over its image (overlayfs's upper directory). It lasts as long as the container:
// the next exec finds the files the last one wrote, and a restarted container starts from the
// image again. Kept in the container's record (so a saved lab keeps it), bounded.
// Imitates: containerd's snapshotter (a fresh active snapshot per container) and overlayfs.

import type { ContainerRecord } from '../state'
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

/** Whether `path` (a file, or a folder as `path/`) lies under one of the mount points. */
const under = (path: string, mounts: readonly string[]) => mounts.some((m) => path === `${m}/` || path.startsWith(`${m}/`)) || NOT_LAYER.some((p) => path.startsWith(p))

/**
 * The container's layer for a process started now, and where that process's writes go: every
 * change outside the volumes (`mounts`, their mount paths), in place of the layer before. Past
 * LAYER_MAX the largest files are left out; `dropped` names them.
 */
export function layerFor(c: ContainerRecord, policy: RestartPolicy, now: number, mounts: readonly string[], changed?: () => void): { layer?: LayerWrites; keepLayer: (w: LayerWrites) => string[] } {
  const run = runIndex(c, policy, now)
  const layer = c.layer && c.layer.run === run ? { writes: c.layer.writes, at: c.layer.at } : undefined
  const keepLayer = (w: LayerWrites): string[] => {
    const writes: Record<string, string | null> = {}
    const at: Record<string, number> = {}
    const keys = Object.keys(w.writes).filter((k) => !under(k, mounts.map((m) => m.replace(/\/+$/, ''))))
    // the largest go first when it does not all fit
    let size = keys.reduce((n, k) => n + k.length + (w.writes[k]?.length ?? 0), 0)
    const dropped: string[] = []
    for (const k of [...keys].sort((a, b) => (w.writes[b]?.length ?? 0) - (w.writes[a]?.length ?? 0))) {
      if (size <= LAYER_MAX) break
      size -= k.length + (w.writes[k]?.length ?? 0)
      dropped.push(k)
    }
    for (const k of keys) {
      if (dropped.includes(k)) continue
      writes[k] = w.writes[k]
      if (w.at[k] !== undefined) at[k] = w.at[k]
    }
    if (Object.keys(writes).length === 0) delete c.layer
    else c.layer = { run, writes, at }
    changed?.()
    return dropped
  }
  return { ...(layer ? { layer } : {}), keepLayer }
}
