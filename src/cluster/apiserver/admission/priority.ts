// Priority admission: resolve the pod's PriorityClass to spec.priority and spec.preemptionPolicy.
// Imitates: plugin/pkg/admission/priority/admission.go

import { admissionForbidden, isWriteOf, type AdmissionPlugin } from './interfaces'

/** The built-in system classes (scheduling.k8s.io SystemPriorityClasses); the lab has no others. */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
}

export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(a) {
    if (!isWriteOf(a, 'pods') || a.subresource !== '') return undefined
    if (a.operation !== 'CREATE' || !a.object) return undefined
    const pod = a.object
    let priority = 0
    const className = pod.spec.priorityClassName
    if (className) {
      if (!(className in SYSTEM_PRIORITY_CLASSES)) {
        return admissionForbidden(a, `no PriorityClass with name ${className} was found`)
      }
      priority = SYSTEM_PRIORITY_CLASSES[className]
    }
    if (pod.spec.priority !== undefined && pod.spec.priority !== priority) {
      return admissionForbidden(a, `the integer value of priority (${pod.spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`)
    }
    pod.spec.priority = priority
    pod.spec.preemptionPolicy ??= 'PreemptLowerPriority'
    return undefined
  },
}
