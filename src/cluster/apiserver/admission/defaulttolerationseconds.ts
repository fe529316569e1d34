// DefaultTolerationSeconds: pods tolerate not-ready and unreachable nodes for 300 s.
// Imitates: plugin/pkg/admission/defaulttolerationseconds/admission.go

import type { Toleration } from '../../api/core'
import { isWriteOf, type AdmissionPlugin } from './interfaces'

export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300
const NOT_READY = 'node.kubernetes.io/not-ready'
const UNREACHABLE = 'node.kubernetes.io/unreachable'

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(a) {
    if (!isWriteOf(a, 'pods') || a.subresource !== '') return undefined
    if (a.operation !== 'CREATE' || !a.object) return undefined
    const pod = a.object
    const tolerations: Toleration[] = [...(pod.spec.tolerations ?? [])]
    const tolerates = (key: string) => tolerations.some((t) =>
      (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
    const notReady = tolerates(NOT_READY)
    const unreachable = tolerates(UNREACHABLE)
    if (!notReady) {
      tolerations.push({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS })
    }
    if (!unreachable) {
      tolerations.push({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS })
    }
    pod.spec.tolerations = tolerations
    return undefined
  },
}
