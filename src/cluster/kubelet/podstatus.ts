// The pod status the kubelet writes: first status (sandbox being created), then Running and Ready.
// Imitates: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, convertToAPIContainerStatuses)
// and pkg/kubelet/status/generate.go (condition order, ContainersNotReady messages).

import type { Container, Pod, PodStatus } from '../api/core'
import { rfc3339 } from '../../common/time'
import { normalizeImage } from './images'
import type { PodRecord } from './state'

/** What containerd 2.x reports for root in an Alpine-based image (UNVERIFIED for agnhost:2.45 exactly). */
export const ROOT_SUPPLEMENTAL_GROUPS = [0, 1, 2, 3, 4, 6, 10, 11, 20, 26, 27]

function containers(pod: Pod): Container[] {
  return pod.spec.containers ?? []
}

function condition(type: string, generation: number, status: 'True' | 'False', at: string, reason?: string, message?: string) {
  return {
    type, observedGeneration: generation, status, lastProbeTime: null, lastTransitionTime: at,
    ...(reason ? { reason } : {}), ...(message ? { message } : {}),
  }
}

function mountStatuses(c: Container) {
  if (!c.volumeMounts?.length) return {}
  return {
    volumeMounts: c.volumeMounts.map((m) => ({
      name: m.name, mountPath: m.mountPath,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    })),
  }
}

function scheduledAt(pod: Pod, fallback: string): string {
  const conds = pod.status?.conditions ?? []
  return conds.find((c) => c.type === 'PodScheduled')?.lastTransitionTime ?? fallback
}

function common(pod: Pod, rec: PodRecord) {
  return { gen: pod.metadata.generation ?? 1, seen: rfc3339(rec.seenAt) }
}

/** Pending / ContainerCreating: the first status the kubelet writes (kubernetes-objects.md 1c). */
export function creatingStatus(pod: Pod, rec: PodRecord, hostIP: string, now: number): Record<string, unknown> {
  const { gen, seen } = common(pod, rec)
  const at = rfc3339(now)
  const cs = containers(pod)
  const unready = `containers with unready status: [${cs.map((c) => c.name).join(' ')}]`
  const old: PodStatus = pod.status ?? {}
  return {
    observedGeneration: gen,
    phase: 'Pending',
    conditions: [
      condition('PodReadyToStartContainers', gen, 'False', at),
      condition('Initialized', gen, 'True', seen),
      condition('Ready', gen, 'False', at, 'ContainersNotReady', unready),
      condition('ContainersReady', gen, 'False', at, 'ContainersNotReady', unready),
      condition('PodScheduled', gen, 'True', scheduledAt(pod, seen)),
    ],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: seen,
    containerStatuses: cs.map((c) => ({
      name: c.name,
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image: c.image,
      imageID: '',
      started: false,
      ...mountStatuses(c),
    })),
    ...(old.qosClass ? { qosClass: old.qosClass } : {}),
  }
}

/** Running and Ready, every container started (kubernetes-objects.md 1b). */
export function runningStatus(pod: Pod, rec: PodRecord, hostIP: string, now: number): Record<string, unknown> {
  const { gen, seen } = common(pod, rec)
  const at = rfc3339(now)
  const old: PodStatus = pod.status ?? {}
  const byName = new Map(rec.containers.map((c) => [c.name, c]))
  return {
    observedGeneration: gen,
    phase: 'Running',
    conditions: [
      condition('PodReadyToStartContainers', gen, 'True', at),
      condition('Initialized', gen, 'True', seen),
      condition('Ready', gen, 'True', at),
      condition('ContainersReady', gen, 'True', at),
      condition('PodScheduled', gen, 'True', scheduledAt(pod, seen)),
    ],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(rec.ip ? { podIP: rec.ip, podIPs: [{ ip: rec.ip }] } : {}),
    startTime: seen,
    containerStatuses: containers(pod).map((c) => {
      const r = byName.get(c.name)
      return {
        name: c.name,
        state: { running: { startedAt: rfc3339(r?.startedAt ?? now) } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: normalizeImage(c.image ?? ''),
        imageID: r?.imageID ?? '',
        containerID: r?.containerID ?? '',
        started: true,
        resources: {},
        ...mountStatuses(c),
        user: { linux: { uid: 0, gid: 0, supplementalGroups: [...ROOT_SUPPLEMENTAL_GROUPS] } },
      }
    }),
    ...(old.qosClass ? { qosClass: old.qosClass } : {}),
  }
}
