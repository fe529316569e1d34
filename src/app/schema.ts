// The one schema for a lab read back from anywhere (a save, a share link, an imported file):
// every value is checked deep enough that no stored shape can break a panel or a command.
// Store objects are checked structurally (metadata, and the fields the lab's commands read);
// facts by kind; audit entries, the clock's work, the signer and the kubelets field by field.

import * as v from 'valibot'
import type { LabSnapshot } from './lab'
import { LESSONS } from '../lessons'
import { assertProgress } from '../lessons/runner'

/** lab.ts's SNAPSHOT_VERSION (not imported: this module must not pull the lab into the page's first bundle). */
export const SNAPSHOT_VERSION = 1

/** Longest text the schema accepts in one value (a file, a variable, an object field): 8 MiB. */
export const MAX_TEXT = 8 * 1024 * 1024
/** Most items the schema accepts in one list or map. */
export const MAX_ITEMS = 200_000

const str = v.pipe(v.string(), v.maxLength(MAX_TEXT))
const short = v.pipe(v.string(), v.maxLength(4096))
const num = v.pipe(v.number(), v.finite())
const int = v.pipe(v.number(), v.integer())
const arr = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_ITEMS))
/** RFC 3339 in UTC, as the API server writes times. */
const time = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/), v.check((t) => !Number.isNaN(Date.parse(t)), 'not a real time'))
const rec = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.record(v.string(), item), v.check((o) => !Array.isArray(o), 'a list where a map belongs'))
const obj = rec(v.unknown())
const strMap = rec(str)

// ---- store -----------------------------------------------------------------------------

const ownerRef = v.looseObject({ apiVersion: short, kind: short, name: short, uid: short })

export const ObjectMetaSchema = v.looseObject({
  name: short,
  generateName: v.optional(short),
  namespace: v.optional(short),
  uid: short,
  resourceVersion: short,
  creationTimestamp: time,
  deletionTimestamp: v.optional(time),
  deletionGracePeriodSeconds: v.optional(num),
  generation: v.optional(num),
  labels: v.optional(strMap),
  annotations: v.optional(strMap),
  finalizers: v.optional(arr(short)),
  ownerReferences: v.optional(arr(ownerRef)),
})

const container = v.looseObject({
  name: short,
  image: short,
  command: v.optional(arr(str)),
  args: v.optional(arr(str)),
  env: v.optional(arr(v.looseObject({ name: short }))),
  volumeMounts: v.optional(arr(v.looseObject({ name: short, mountPath: short }))),
})

const podSpec = v.looseObject({
  containers: arr(container),
  initContainers: v.optional(arr(container)),
  serviceAccountName: v.optional(short),
  nodeName: v.optional(short),
  volumes: v.optional(arr(v.looseObject({ name: short }))),
})

const podStatus = v.looseObject({
  phase: v.optional(short),
  conditions: v.optional(arr(v.looseObject({ type: short, status: short, lastTransitionTime: v.optional(v.nullable(time)) }))),
  containerStatuses: v.optional(arr(v.looseObject({ name: short, ready: v.optional(v.boolean()), restartCount: v.optional(num), state: v.optional(obj) }))),
  podIP: v.optional(short),
  podIPs: v.optional(arr(v.looseObject({ ip: short }))),
  hostIP: v.optional(short),
  startTime: v.optional(time),
})

/** The fields every object may carry, and what they must be when present. */
const objectBase = {
  apiVersion: short,
  kind: short,
  metadata: ObjectMetaSchema,
  spec: v.optional(obj),
  status: v.optional(obj),
  data: v.optional(strMap),
}

export const KObjectSchema = v.variant('kind', [
  v.looseObject({ ...objectBase, kind: v.literal('Pod'), spec: podSpec, status: v.optional(podStatus) }),
  v.looseObject({ ...objectBase, kind: v.literal('ServiceAccount'), secrets: v.optional(arr(v.looseObject({ name: short }))) }),
  v.looseObject({ ...objectBase, kind: v.picklist(['Role', 'ClusterRole']), rules: v.optional(arr(obj)) }),
  v.looseObject({ ...objectBase, kind: v.picklist(['RoleBinding', 'ClusterRoleBinding']), roleRef: obj, subjects: v.optional(arr(obj)) }),
  v.looseObject({ ...objectBase, kind: v.pipe(short, v.check((k) => !['Pod', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(k))) }),
])

export const StoreStateSchema = v.object({
  resourceVersion: int,
  objects: rec(rec(KObjectSchema)),
})

// ---- clock, random, facts, audit, signer, kubelets -------------------------------------------

export const ClockStateSchema = v.object({
  now: num,
  seq: int,
  due: arr(v.object({ at: num, seq: int, type: short, data: obj })),
})

const u32 = v.pipe(int, v.minValue(0), v.maxValue(0xffffffff))
export const RandomStateSchema = v.tuple([u32, u32, u32, u32])

const base = { at: num }
const podRef = v.object({ name: short, uid: short })
export const FactSchema = v.variant('type', [
  v.object({ ...base, type: v.picklist(['namespace.created', 'namespace.terminating', 'namespace.deleted']), name: short, uid: short }),
  v.object({ ...base, type: v.picklist(['serviceaccount.created', 'serviceaccount.deleted']), namespace: short, name: short, uid: short }),
  v.object({
    ...base,
    type: v.picklist(['pod.created', 'pod.scheduled', 'pod.pulled', 'pod.started', 'pod.deletionRequested', 'pod.deleted']),
    namespace: short, name: short, uid: short, node: v.optional(short),
  }),
  v.object({
    ...base, type: v.literal('token.issued'), namespace: short, serviceAccount: short, jti: short, iat: num, exp: num,
    warnafter: v.optional(num), pod: v.optional(podRef), source: v.picklist(['kubelet', 'TokenRequest', 'legacy-secret']),
  }),
  v.object({
    ...base, type: v.literal('request'), method: short, path: str, code: int,
    user: v.optional(short), jti: v.optional(short), reason: v.optional(str),
  }),
])

const auditUser = v.object({ username: short, uid: v.optional(short), groups: arr(short), extra: v.optional(rec(arr(str))) })
const decision = <T extends string[]>(...d: T) => v.picklist(d)
export const AuditEntrySchema = v.object({
  at: num,
  method: short,
  verb: short,
  requestURI: str,
  source: short,
  userAgent: v.optional(short),
  user: v.optional(auditUser),
  impersonatedUser: v.optional(auditUser),
  objectRef: v.optional(v.object({
    resource: short, subresource: v.optional(short), namespace: v.optional(short), name: v.optional(short),
    apiGroup: v.optional(short), apiVersion: v.optional(short),
  })),
  authentication: v.object({ decision: decision('allow', 'deny'), authenticator: v.optional(short), reason: v.optional(str) }),
  token: v.optional(v.object({ jti: v.optional(short), pod: v.optional(short), podUID: v.optional(short), subject: v.optional(short) })),
  authorization: v.optional(v.object({ decision: decision('allow', 'forbid'), reason: str })),
  admission: v.optional(v.object({ decision: decision('allow', 'deny'), reason: v.optional(str) })),
  code: int,
  responseStatus: v.optional(v.object({ reason: v.optional(str), message: v.optional(str) })),
  annotations: v.optional(strMap),
  lessonSetup: v.optional(v.literal(true)),
})

const b64u = v.pipe(v.string(), v.maxLength(2048), v.regex(/^[A-Za-z0-9_-]+$/))
export const SignerStateSchema = v.object({
  alg: v.literal('RS256'),
  kid: short,
  privateJwk: v.object({ kty: v.literal('RSA'), n: b64u, e: b64u, d: b64u, p: b64u, q: b64u, dp: b64u, dq: b64u, qi: b64u }),
})

const volumeFile = v.union([v.object({ text: str }), v.object({ tokenId: short })])
const podRecord = v.object({
  uid: short, namespace: short, name: short, seenAt: num, seenRV: short,
  phase: v.picklist(['pending', 'creating', 'started', 'running', 'terminating', 'finished']),
  ip: v.optional(short),
  containers: arr(v.object({
    name: short, image: short, containerID: short, imageID: short, pulled: v.boolean(), startedAt: v.optional(num),
    pullFrom: v.optional(num), exit: v.optional(v.object({ exitMs: num, code: int })), log: v.optional(str),
    pullAlways: v.optional(v.boolean()), neverPull: v.optional(v.boolean()),
    lastPid: v.optional(v.object({ run: int, pid: int })),
    script: v.optional(v.object({ next: v.pipe(int, v.minValue(0)), vars: v.object({ values: rec(short), exported: arr(short) }) })),
    out: v.optional(arr(v.tuple([num, str]))),
    layer: v.optional(v.object({
      run: int,
      writes: v.pipe(rec(v.nullable(str)), v.check((o) => Object.keys(o).every((k) => k.startsWith('/')), 'a path that is not absolute')),
      at: rec(num),
    })),
  })),
  volumes: rec(v.object({ medium: v.picklist(['tmpfs', 'dir']), tsSuffix: short, writtenAt: num, mode: int, files: rec(volumeFile) })),
  mountFailures: int,
  deletionSeen: v.optional(v.boolean()),
  life: v.optional(v.boolean()),
  events: v.optional(rec(v.object({ name: short, count: int }))),
})
const boundRef = v.looseObject({ kind: v.optional(short), apiVersion: v.optional(short), name: v.optional(short), uid: v.optional(short) })
const tokenEntry = v.object({
  id: short, key: str, podUID: short, volume: short, namespace: short, serviceAccountName: short,
  spec: v.object({ audiences: arr(short), expirationSeconds: num, boundObjectRef: boundRef }),
  expirationTime: num,
  claims: obj,
  jitter: num,
  token: v.optional(str),
  chainSeed: num,
  index: int,
  chainStart: num,
})
export const KubeletStateSchema = v.object({
  node: short,
  ipam: v.object({ last: int, byPod: strMap }),
  images: arr(short),
  pods: rec(podRecord),
  tokens: rec(tokenEntry),
})

const nodeConfig = v.object({ name: short, internalIP: short, podCIDR: short })
export const ClusterConfigSchema = v.object({
  apiServerURL: short, issuer: short, apiAudiences: arr(short), nodes: v.pipe(arr(nodeConfig), v.minLength(1)), kubernetesVersion: short,
})

export const ClusterStateSchema = v.pipe(
  v.object({
    version: v.literal(1),
    deterministic: v.boolean(),
    config: ClusterConfigSchema,
    store: StoreStateSchema,
    clock: ClockStateSchema,
    random: RandomStateSchema,
    facts: arr(FactSchema),
    signer: SignerStateSchema,
    audit: v.optional(arr(AuditEntrySchema)),
    kubelets: rec(KubeletStateSchema),
  }),
  v.check((c) => Object.entries(c.kubelets).every(([name, k]) => k.node === name && c.config.nodes.some((n) => n.name === name)), 'a kubelet is not for one of the nodes'),
)

// ---- shell and the lab -----------------------------------------------------------------

export const ShellStateSchema = v.object({
  env: v.object({ vars: strMap, exported: arr(short) }),
  lastStatus: v.pipe(int, v.minValue(0), v.maxValue(255)),
  history: arr(str),
  files: v.pipe(strMap, v.check((f) => Object.keys(f).every((k) => k.startsWith('/') && k.length < 4096), 'a file path is not absolute')),
  modes: v.optional(v.pipe(v.record(str, v.pipe(int, v.minValue(0), v.maxValue(0o7777))), v.check((m) => Object.keys(m).every((k) => k.startsWith('/') && k.length < 4096), 'a mode\'s path is not absolute'))),
})

export const LabSnapshotSchema = v.object({
  version: v.literal(SNAPSHOT_VERSION),
  seed: v.optional(short),
  startMs: num,
  cluster: ClusterStateSchema,
  shell: ShellStateSchema,
  seenTokens: v.optional(strMap),
  /** Lesson progress (kept as any JSON object until the lessons define it). */
  lessons: v.optional(obj),
})

export type ValidSnapshot = v.InferOutput<typeof LabSnapshotSchema>

/** Check an untrusted value; on failure, a short reason naming where it went wrong. */
export function checkSnapshot(value: unknown): { ok: true; snapshot: LabSnapshot } | { ok: false; reason: string } {
  const version = (value as { version?: unknown } | null)?.version
  if (typeof value === 'object' && value !== null && version !== SNAPSHOT_VERSION) {
    return { ok: false, reason: `it has version ${JSON.stringify(version) ?? 'none'}, this page reads version ${SNAPSHOT_VERSION}` }
  }
  let r: ReturnType<typeof v.safeParse<typeof LabSnapshotSchema>>
  try {
    r = v.safeParse(LabSnapshotSchema, value, { abortEarly: true })
  } catch (e) {
    return { ok: false, reason: `it could not be checked (${e instanceof Error ? e.message : String(e)})` }
  }
  if (!r.success) return { ok: false, reason: describeIssue(r.issues[0]) }
  const snapshot = r.output as unknown as LabSnapshot
  // Lesson progress must name lessons and steps this build has.
  if (snapshot.lessons !== undefined) {
    try {
      assertProgress(snapshot.lessons, LESSONS)
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : String(e) }
    }
  }
  return { ok: true, snapshot }
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => String((p as { key?: unknown }).key)).join('.')
  const said =
    issue.received === 'undefined' && issue.kind === 'schema'
      ? 'missing'
      : issue.expected !== null && issue.received
        ? `expected ${issue.expected}, found ${issue.received}`
        : issue.message
  const msg = said.length > 160 ? `${said.slice(0, 160)}…` : said
  return path ? `${path}: ${msg}` : msg
}
