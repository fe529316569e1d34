// The relationships the Node authorizer follows: node <- pod -> service account, secrets,
// config maps (edges exist only once the pod is bound to a node; mirror pods get none).
// Built from the store on demand (the real authorizer keeps a graph fed by informers).
// Imitates: plugin/pkg/auth/authorizer/node/graph.go (AddPod) and graph_populator.go,
// pkg/api/v1/pod/util.go (VisitPodSecretNames, VisitPodConfigmapNames)

import type { Pod } from '../../api/core'
import type { ObjectStore } from '../../store/store'

export type VertexType = 'serviceaccount' | 'secret' | 'configmap' | 'pod'

const MIRROR = 'kubernetes.io/config.mirror'

/** The objects a pod references, by vertex type ("namespace/name" keys are built by the caller). */
export function podReferences(pod: Pod): Record<'serviceaccount' | 'secret' | 'configmap', string[]> {
  const secrets = new Set<string>()
  const configmaps = new Set<string>()
  for (const s of pod.spec.imagePullSecrets ?? []) if (s.name) secrets.add(s.name)
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    for (const e of c.env ?? []) {
      const from = e.valueFrom
      const sk = from?.secretKeyRef
      const ck = from?.configMapKeyRef
      if (sk?.name) secrets.add(String(sk.name))
      if (ck?.name) configmaps.add(String(ck.name))
    }
    for (const e of c.envFrom ?? []) {
      if (e.secretRef?.name) secrets.add(String(e.secretRef.name))
      if (e.configMapRef?.name) configmaps.add(String(e.configMapRef.name))
    }
  }
  for (const v of pod.spec.volumes ?? []) {
    const secret = v.secret
    if (secret?.secretName) secrets.add(String(secret.secretName))
    const cm = v.configMap
    if (cm?.name) configmaps.add(String(cm.name))
    for (const src of v.projected?.sources ?? []) {
      if (src.secret?.name) secrets.add(String(src.secret.name))
      if (src.configMap?.name) configmaps.add(String(src.configMap.name))
    }
  }
  const sa = pod.spec.serviceAccountName
  return { serviceaccount: sa ? [sa] : [], secret: [...secrets], configmap: [...configmaps] }
}

/** hasPathFrom: is there a pod bound to `node` that leads to the object (or is it)? */
export function hasPathFrom(store: ObjectStore, node: string, type: VertexType, namespace: string, name: string): boolean {
  for (const pod of store.read('pods', namespace)) {
    if (pod.spec?.nodeName !== node) continue
    if (type === 'pod') {
      if (pod.metadata.name === name) return true
      continue
    }
    if (pod.metadata.annotations?.[MIRROR] !== undefined) continue
    if (podReferences(pod)[type].includes(name)) return true
  }
  return false
}
