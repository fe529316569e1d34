// Imitates: kubectl pkg/describe/describe.go describePod (v0.35.0) and the container/volume helpers it calls.

import { age } from '../tables'
import { PrefixWriter, describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, type Obj } from './writer'

function describeStatus(w: PrefixWriter, name: string, state: Obj | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`)
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(3, `Message:\t${t.message}\n`)
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if (t.signal > 0) w.write(3, `Signal:\t${t.signal}\n`)
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else {
    w.write(2, `${name}:\tWaiting\n`)
    if (state?.waiting?.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`)
  }
}

const ports = (ps: Obj[], key: 'containerPort' | 'hostPort') =>
  ps.map((p) => `${p[key] ?? 0}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ')

function describeResources(w: PrefixWriter, r: Obj | undefined, level: number): void {
  for (const [title, key] of [['Limits', 'limits'], ['Requests', 'requests']] as const) {
    const m: Record<string, string> = r?.[key] ?? {}
    const names = Object.keys(m).sort()
    if (names.length) w.write(level, `${title}:\n`)
    for (const n of names) w.write(level + 1, `${n}:\t${m[n]}\n`)
  }
}

function describeContainers(w: PrefixWriter, label: string, containers: Obj[], statuses: Obj[]): void {
  w.write(0, `${label}:${containers.length ? '' : ' <none>'}\n`)
  for (const c of containers) {
    const status = statuses.find((s) => s.name === c.name)
    w.write(1, `${c.name}:\n`)
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`)
    const ps: Obj[] = c.ports ?? []
    const p = ports(ps, 'containerPort')
    w.write(2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`)
    const hp = ports(ps, 'hostPort')
    w.write(2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${hp || '<none>'}\n`)
    for (const [title, key] of [['Command', 'command'], ['Args', 'args']] as const) {
      if (!c[key]?.length) continue
      w.write(2, `${title}:\n`)
      for (const a of c[key] as string[]) for (const s of String(a).split('\n')) w.write(3, `${s}\n`)
    }
    if (status) {
      describeStatus(w, 'State', status.state)
      if (status.lastState?.terminated) describeStatus(w, 'Last State', status.lastState)
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`)
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`)
    }
    describeResources(w, c.resources, 2)
    const env: Obj[] = c.env ?? []
    w.write(2, `Environment:${env.length ? '' : '\t<none>'}\n`)
    for (const e of env) {
      if (e.valueFrom) w.write(3, `${e.name}:\t<set from a source>\n`)
      else String(e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
    }
    const mounts: Obj[] = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
    w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`)
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])]
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
    }
  }
}

function describeVolumes(w: PrefixWriter, volumes: Obj[]): void {
  if (volumes.length === 0) {
    w.write(0, 'Volumes:\t<none>\n')
    return
  }
  w.write(0, 'Volumes:\n')
  for (const v of volumes) {
    w.write(1, `${v.name}:\n`)
    if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
      for (const s of v.projected.sources ?? []) {
        if (s.secret) w.write(2, `SecretName:\t${s.secret.name}\n    Optional:\t${s.secret.optional === true}\n`)
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n')
        else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name}\n    Optional:\t${s.configMap.optional === true}\n`)
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds}\n`)
      }
    } else if (v.emptyDir) {
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`)
    } else if (v.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`)
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`)
    } else {
      w.write(2, '<unknown>\n')
    }
  }
}

function qosClass(pod: Obj): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const all: Obj[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  const any = all.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length)
  return any ? 'Burstable' : 'BestEffort'
}

function tolerations(w: PrefixWriter, tols: Obj[]): void {
  w.write(0, 'Tolerations:\t')
  if (tols.length === 0) {
    w.write(0, '<none>\n')
    return
  }
  const sorted = [...tols].sort((a, b) => (String(a.key ?? '') < String(b.key ?? '') ? -1 : String(a.key ?? '') > String(b.key ?? '') ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t')
    let s = String(t.key ?? '')
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
    w.write(0, `${s}\n`)
  })
}

export function describePod(pod: Obj, events: Obj[] | undefined, now: number): string {
  const w = new PrefixWriter()
  const spec: Obj = pod.spec ?? {}
  const status: Obj = pod.status ?? {}
  w.write(0, `Name:\t${pod.metadata?.name}\n`)
  w.write(0, `Namespace:\t${pod.metadata?.namespace}\n`)
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', pod.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', pod.metadata?.annotations)
  if (pod.metadata?.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, now)})\n`)
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`)
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`)
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`)
  if (status.message) w.write(0, `Message:\t${status.message}\n`)
  w.write(0, `IP:\t${status.podIP ?? ''}\n`)
  const ips: Obj[] = status.podIPs ?? []
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n')
  else {
    w.write(0, 'IPs:\n')
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`)
  }
  const controller = (pod.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller)
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [])
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses ?? [])
  const conditions: Obj[] = status.conditions ?? []
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n')
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`)
  }
  describeVolumes(w, spec.volumes ?? [])
  w.write(0, `QoS Class:\t${qosClass(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  tolerations(w, spec.tolerations ?? [])
  if (events) describeEvents(w, events, now)
  return w.toString()
}
