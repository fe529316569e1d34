// Volume SetUp for the kubelet-managed volume types: projected (serviceAccountToken, configMap,
// secret, downwardAPI), configMap, secret, downwardAPI and emptyDir; payloads laid out by the AtomicWriter.
// Imitates: pkg/volume/projected/projected.go (collectData) and pkg/volume/util/atomic_writer.go.

import type { ConfigMap, Pod, Secret } from '../api/core'
import type { DownwardAPIProjection, DownwardAPIVolumeSource, KeyToPath, Volume } from '../api/volumes'
import type { ComponentClient } from '../client/inProcess'
import type { ClusterContext } from '../context'
import type { Random } from '../random'
import type { TokenManager } from './token/tokenManager'
import type { PodRecord, VolumeFile, VolumeRecord } from './state'
import { decodeBase64Bytes } from '../../common/base64'

/** A configMap or secret source, as a volume (secretName) or a projection (name) spells it. */
interface KeyedSource { name?: string; secretName?: string; items?: KeyToPath[]; optional?: boolean }

const pad = (n: number) => String(n).padStart(2, '0')

/** os.MkdirTemp(dir, time.Now().UTC().Format("..2006_01_02_15_04_05.")): the pattern plus a uint32 in decimal. */
export function tsDirName(v: { writtenAt: number; tsSuffix: string }): string {
  const d = new Date(v.writtenAt)
  const stamp = `${d.getUTCFullYear()}_${pad(d.getUTCMonth() + 1)}_${pad(d.getUTCDate())}_${pad(d.getUTCHours())}_${pad(d.getUTCMinutes())}_${pad(d.getUTCSeconds())}`
  return `..${stamp}.${v.tsSuffix}`
}

/** MkdirTemp's random part: a uint32 in decimal. */
const tempSuffix = (random: Random) => String(random.nextUint32())

// A Secret's data are bytes: the file holds them exactly (src/common/bytes.ts), binary included.
const b64decode = (s: string): string => decodeBase64Bytes(s) ?? ''

/** fieldRef values the downward API can project. */
function fieldValue(pod: Pod, fieldPath: string): string | undefined {
  const m = pod.metadata
  const spec = pod.spec
  switch (fieldPath) {
    case 'metadata.namespace': return m.namespace ?? ''
    case 'metadata.name': return m.name
    case 'metadata.uid': return m.uid
    case 'metadata.labels': return Object.entries(m.labels ?? {}).sort().map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n')
    case 'metadata.annotations': return Object.entries(m.annotations ?? {}).sort().map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n')
    case 'spec.nodeName': return String(spec.nodeName ?? '')
    case 'spec.serviceAccountName': return String(spec.serviceAccountName ?? '')
    default: return undefined
  }
}

function keyed(data: Record<string, string>, items: KeyToPath[] | undefined, decode: boolean): Record<string, VolumeFile> | string {
  const out: Record<string, VolumeFile> = {}
  const pairs = items?.length ? items.map((i) => [i.key, i.path] as const) : Object.keys(data).map((k) => [k, k] as const)
  for (const [key, path] of pairs) {
    if (!(key in data)) return `configmap references non-existent config key: ${key}`
    out[path] = { text: decode ? b64decode(data[key]) : data[key] }
  }
  return out
}

export type SetUpResult = { ok: true; volume: VolumeRecord } | { ok: false; message: string }

/** GET one object through the API server with the node's identity (the Node authorizer lets it read what its pods use). */
async function getObject<R extends 'configmaps' | 'secrets'>(client: ComponentClient, resource: R, ns: string, name: string): Promise<{ configmaps: ConfigMap; secrets: Secret }[R] | undefined> {
  const res = await client.request('GET', `/api/v1/namespaces/${ns}/${resource}/${name}`)
  // a 200 to GET .../configmaps/NAME is that ConfigMap (the API server's own JSON)
  return res.status === 200 ? (res.body as { configmaps: ConfigMap; secrets: Secret }[R]) : undefined
}

/** Collect a volume's payload (config maps and secrets read, tokens requested, through the API server) and lay it out. */
export async function setUpVolume(ctx: ClusterContext, client: ComponentClient, pod: Pod, rec: PodRecord, volume: Volume, tokens: TokenManager): Promise<SetUpResult> {
  const ns = pod.metadata.namespace ?? ''
  const spec = pod.spec
  const files: Record<string, VolumeFile> = {}
  let mode = 0o644
  const configMap = async (src: KeyedSource): Promise<string | undefined> => {
    const name = String(src.name ?? '')
    const cm = await getObject(client, 'configmaps', ns, name)
    if (!cm) return src.optional ? undefined : `configmap "${name}" not found`
    const r = keyed(cm.data ?? {}, src.items, false)
    if (typeof r === 'string') return r
    Object.assign(files, r)
  }
  const secret = async (src: KeyedSource, nameField: 'name' | 'secretName'): Promise<string | undefined> => {
    const name = String(src[nameField] ?? '')
    const s = await getObject(client, 'secrets', ns, name)
    if (!s) return src.optional ? undefined : `secret "${name}" not found`
    const r = keyed(s.data ?? {}, src.items, true)
    if (typeof r === 'string') return r.replace('configmap', 'secret')
    Object.assign(files, r)
  }
  const downward = (src: DownwardAPIProjection | DownwardAPIVolumeSource) => {
    for (const item of src.items ?? []) {
      const v = item.fieldRef ? fieldValue(pod, item.fieldRef.fieldPath) : undefined
      if (v !== undefined) files[item.path] = { text: v }
    }
  }

  let medium: VolumeRecord['medium'] = 'tmpfs'
  let err: string | undefined
  if (volume.projected) {
    const p = volume.projected
    if (typeof p.defaultMode === 'number') mode = p.defaultMode
    for (const source of p.sources ?? []) {
      if (source.serviceAccountToken) {
        const t = source.serviceAccountToken
        const r = await tokens.getServiceAccountToken(`${rec.uid}/${String(volume.name)}/${t.path}`, rec.uid, String(volume.name), ns, String(spec.serviceAccountName ?? 'default'), {
          audiences: t.audience ? [t.audience] : [],
          expirationSeconds: t.expirationSeconds ?? 3600,
          boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid },
        })
        if (!r.ok) return { ok: false, message: r.message }
        files[t.path] = { tokenId: r.entry.id }
      } else if (source.configMap) err ??= await configMap(source.configMap)
      else if (source.secret) err ??= await secret(source.secret, 'name')
      else if (source.downwardAPI) downward(source.downwardAPI)
    }
  } else if (volume.configMap) {
    medium = 'dir'
    err = await configMap(volume.configMap)
    mode = volume.configMap.defaultMode ?? mode
  } else if (volume.secret) {
    err = await secret(volume.secret, 'secretName')
    mode = volume.secret.defaultMode ?? mode
  } else if (volume.downwardAPI) {
    downward(volume.downwardAPI)
  } else {
    return { ok: true, volume: { medium: 'dir', tsSuffix: '', writtenAt: ctx.clock.now(), mode: 0o777, files: {} } }
  }
  if (err) return { ok: false, message: err }
  return { ok: true, volume: { medium, tsSuffix: tempSuffix(ctx.random), writtenAt: ctx.clock.now(), mode, files } }
}

/** AtomicWriter update: a new timestamped directory, `..data` swapped to it (the old one removed). */
export function rewriteVolume(ctx: ClusterContext, v: VolumeRecord): void {
  v.tsSuffix = tempSuffix(ctx.random)
  v.writtenAt = ctx.clock.now()
}
