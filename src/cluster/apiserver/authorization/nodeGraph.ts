// The relationships the Node authorizer follows: node <- pod -> service account, secrets,
// config maps (edges exist only once the pod is bound to a node; mirror pods get none).
// Built from the store on demand (the real authorizer keeps a graph fed by informers).
// Imitates: plugin/pkg/auth/authorizer/node/graph.go (AddPod) and graph_populator.go,
// pkg/api/v1/pod/util.go (VisitPodSecretNames, VisitPodConfigmapNames)

import type { Pod } from '../../api/core'
import type { ObjectStore } from '../../store/store'

export type VertexType = 'serviceaccount' | 'secret' | 'configmap' | 'pod'

type Obj = Record<string, unknown>
const MIRROR = 'kubernetes.io/config.mirror'

/** The objects a pod references, by vertex type ("namespace/name" keys are built by the caller). */
export function podReferences(pod: Pod): Record<'serviceaccount' | 'secret' | 'configmap', string[]> {
  const secrets = new Set<string>()
  const configmaps = new Set<string>()
  for (const s of pod.spec.imagePullSecrets ?? []) if (s.name) secrets.add(s.name)
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    for (const e of (c.env as Obj[] | undefined) ?? []) {
      const from = e.valueFrom as Obj | undefined
      const sk = from?.secretKeyRef as Obj | undefined
      const ck = from?.configMapKeyRef as Obj | undefined
      if (sk?.name) secrets.add(String(sk.name))
      if (ck?.name) configmaps.add(String(ck.name))
    }
    for (const e of (c.envFrom as Obj[] | undefined) ?? []) {
      if ((e.secretRef as Obj | undefined)?.name) secrets.add(String((e.secretRef as Obj).name))
      if ((e.configMapRef as Obj | undefined)?.name) configmaps.add(String((e.configMapRef as Obj).name))
    }
  }
  for (const v of pod.spec.volumes ?? []) {
    const secret = v.secret as Obj | undefined
    if (secret?.secretName) secrets.add(String(secret.secretName))
    const cm = v.configMap as Obj | undefined
    if (cm?.name) configmaps.add(String(cm.name))
    for (const src of ((v.projected as Obj | undefined)?.sources as Obj[] | undefined) ?? []) {
      if ((src.secret as Obj | undefined)?.name) secrets.add(String((src.secret as Obj).name))
      if ((src.configMap as Obj | undefined)?.name) configmaps.add(String((src.configMap as Obj).name))
    }
  }
  const sa = pod.spec.serviceAccountName
  return { serviceaccount: sa ? [sa] : [], secret: [...secrets], configmap: [...configmaps] }
}

/** hasPathFrom: is there a pod bound to `node` that leads to the object (or is it)? */
export function hasPathFrom(store: ObjectStore, node: string, type: VertexType, namespace: string, name: string): boolean {
  for (const pod of store.list('pods', namespace)) {
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
