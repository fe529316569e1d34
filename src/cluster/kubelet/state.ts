// The kubelet's own state: plain JSON, saved with the lab (snapshot/restore).

import type { BoundTokenClaims } from '../serviceaccount/claims'
import type { ShellVars } from './exec/containerShell'
import type { BoundObjectReference } from '../serviceaccount/tokenrequest'

/** A file of a volume: literal text, or the current token of a token-manager entry. */
export type VolumeFile = { text: string } | { tokenId: string }

/** A volume as the AtomicWriter laid it out: the payload lives in `..<ts>.<digits>`, `..data` points to it. */
export interface VolumeRecord {
  /** `tmpfs` for projected/secret/downwardAPI (kubelet-managed), `dir` for emptyDir and configMap. */
  medium: 'tmpfs' | 'dir'
  /** The decimal suffix of the timestamped payload directory `..<writtenAt>.<suffix>`; empty for an emptyDir. */
  tsSuffix: string
  /** When the payload was last written (ms). */
  writtenAt: number
  /** Payload file mode (defaultMode, 0644 when unset). */
  mode: number
  files: Record<string, VolumeFile>
}

export interface ContainerRecord {
  name: string
  image: string
  containerID: string
  imageID: string
  pulled: boolean
  startedAt?: number
  /** The image cannot be pulled: pull attempts began at this time (see timeline.ts). */
  pullFrom?: number
  /** imagePullPolicy Always: every start pulls (Pulling, Successfully pulled), even when the image is present. */
  pullAlways?: boolean
  /** imagePullPolicy Never and the image is not on the node: ErrImageNeverPull. */
  neverPull?: boolean
  /** How the main process ends (absent: it runs until stopped). */
  exit?: { exitMs: number; code: number }
  /**
   * What the main process printed (its standard output, then its standard error), when the lab ran
   * it as the container started (exec/exec.ts runMainProcess); every run of the container prints it.
   */
  log?: string
  /** The last PID taken in the container (exec/procs.ts), in its run of that index. */
  lastPid?: { run: number; pid: number }
  /**
   * A main script the lab runs step by step over lab time (steppedScript.ts, scriptSteps.ts): the
   * index of its next step, and its variables as the last step left them. Absent once it has ended.
   */
  script?: { next: number; vars: ShellVars }
  /** What a stepped main script printed, oldest first: [ms after its run started, text] (the last STEPPED_LOG_MAX bytes). */
  out?: [number, string][]
  /**
   * What the container's processes wrote outside its volumes, in its run of that index
   * (exec/writableLayer.ts): a file's content, `path/` for a folder made, null for a path removed;
   * and when each was written (ms, lab clock).
   */
  layer?: { run: number; writes: Record<string, string | null>; at: Record<string, number> }
}

/** Text a container printed, and when (its log file's lines carry their time). */
export interface LogEntry { text: string; writtenAt: number }

/** An Event the kubelet has sent and may count up (the recorder's correlator cache). */
export interface SentEvent { name: string; count: number }

export type PodPhase = 'pending' | 'creating' | 'started' | 'running' | 'terminating' | 'finished'

export interface PodRecord {
  uid: string
  namespace: string
  name: string
  /** When the kubelet first saw the pod bound to its node (startTime). */
  seenAt: number
  /** The pod's resourceVersion as the kubelet first saw it (events' involvedObject.resourceVersion). */
  seenRV: string
  phase: PodPhase
  ip?: string
  containers: ContainerRecord[]
  volumes: Record<string, VolumeRecord>
  /** Volume mount retries after a failed SetUp. */
  mountFailures: number
  deletionSeen?: boolean
  /** Containers that end or images that fail: the pod's status is computed by sync (podSync.ts). */
  life?: boolean
  /** Events sent for this pod, by key (reason, message, container), with their counts. */
  events?: Record<string, SentEvent>
}

/** One cached TokenRequest of the token manager (per pod, volume and token source). */
export interface TokenEntry {
  /** Short id (pod uid / volume / path): the key of the state map and of scheduled refreshes. */
  id: string
  /** The token manager's cache key (keyFunc). */
  key: string
  podUID: string
  volume: string
  namespace: string
  serviceAccountName: string
  /** The request as sent (audiences empty = the server's default). */
  spec: { audiences: string[]; expirationSeconds: number; boundObjectRef: BoundObjectReference }
  /** The response's status.expirationTimestamp in ms (request time + spec.expirationSeconds). */
  expirationTime: number
  claims: BoundTokenClaims
  /** Whole seconds (0-9) subtracted from the refresh threshold of the current token (see chainJitter). */
  jitter: number
  /** The signed JWT, filled when first read (refreshes nobody reads are never signed). */
  token?: string
  /** Seed of this entry's refresh chain: the jitter, jti and directory name of refresh N derive from it. */
  chainSeed: number
  /** How many times the token has been refreshed (0 = the token requested at mount). */
  index: number
  /** status.expirationTimestamp (ms) of the token requested at mount: where the chain starts. */
  chainStart: number
}

export interface KubeletState {
  node: string
  ipam: { last: number; byPod: Record<string, string> }
  /** Images present on the node (pulled once, then `already present`). */
  images: string[]
  pods: Record<string, PodRecord>
  tokens: Record<string, TokenEntry>
}

export function emptyState(node: string): KubeletState {
  return { node, ipam: { last: 1, byPod: {} }, images: [], pods: {}, tokens: {} }
}
