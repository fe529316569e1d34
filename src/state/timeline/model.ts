// Builds the timeline's lanes from the lab's facts, audit record and the kubelets' refresh
// schedules, incrementally: on each change of the lab it reads only the facts and audit entries
// it has not seen, and hands out new Lane objects only for lanes that changed (the others keep
// their identity, so their rows need not render again). The refresh schedules are costly to
// compute (the kubelet walks each chain from its start), so they are fetched rarely and kept:
// a chain's refresh times never change once computed.

import type { AuditEntry } from '../../cluster/audit/audit'
import type { TokenSchedule } from '../../cluster/components'
import type { Fact } from '../../cluster/events/facts'
import { DAY } from './scale'
import { lowerBound, nominalRefresh, requestMark, type Lane, type LaneKind, type LifecycleKind, type PodInfo, type TokenInfo } from './lanes'

export interface TimelineSource {
  facts(): readonly Fact[]
  audit(): readonly AuditEntry[]
  tokenSchedules(fromMs: number, toMs: number, max?: number): TokenSchedule[]
  nowMs(): number
  /** Changes when the lab was replaced (restore, reset); without it, a new facts array means a new lab. */
  epoch?: number
  /** Schedules computed elsewhere (the page's projection): taken whenever this object changes, instead of calling tokenSchedules. */
  schedules?: { to: number; list: readonly TokenSchedule[] }
}

interface LaneRec {
  id: string
  kind: LaneKind
  title: string
  podUID?: string
  tokenKeys: string[]
}

/** How far past what is needed the schedules are fetched, so small clock steps need no new fetch. */
export const SCHEDULE_MARGIN = 30 * DAY

export class TimelineModel {
  lanes: readonly Lane[] = []
  /** How many times the kubelets' schedules were fetched (tests, bench). */
  scheduleFetches = 0
  private factsRef?: readonly Fact[]
  private factsSeen = 0
  private auditSeen = 0
  private auditLast?: AuditEntry
  private pods = new Map<string, PodInfo>()
  private tokens = new Map<string, TokenInfo & { issuedAt: number }>()
  private laneRecs = new Map<string, LaneRec>()
  private laneOfToken = new Map<string, string>()
  private laneCache = new Map<string, Lane>()
  private dirty = new Set<string>()
  private coveredTo = -Infinity
  private byPod = new Map<string, number[]>()
  private epoch?: number
  private schedulesRef?: object

  /** The lab view version last read (see update). */
  version?: number

  /**
   * Bring the lanes up to date and return them; `horizon` is the latest time the view needs,
   * `version` the lab view's version (recorded only). Unchanged lanes keep their identity; the
   * array itself is new only when a lane changed (see `changed`).
   */
  update(src: TimelineSource, horizon: number, version?: number): readonly Lane[] {
    this.version = version
    this.changed = this.refresh(src, horizon)
    return this.lanes
  }

  /** Whether the last update changed the lanes. */
  changed = false

  private refresh(src: TimelineSource, horizon: number): boolean {
    const facts = src.facts()
    const replaced = src.epoch !== undefined ? src.epoch !== this.epoch : facts !== this.factsRef
    if (replaced || facts.length < this.factsSeen) this.reset(facts, src.epoch)
    for (; this.factsSeen < facts.length; this.factsSeen++) this.onFact(facts[this.factsSeen])
    const audit = src.audit()
    if (this.auditSeen > audit.length || (this.auditSeen > 0 && audit[this.auditSeen - 1] !== this.auditLast)) this.resetRequests()
    for (; this.auditSeen < audit.length; this.auditSeen++) this.onAudit(audit[this.auditSeen], this.auditSeen)
    this.auditLast = audit[audit.length - 1]
    this.fetchSchedules(src, horizon)
    if (this.dirty.size === 0 && this.lanes.length === this.laneRecs.size) return false
    for (const id of this.dirty) this.laneCache.set(id, this.snapshot(this.laneRecs.get(id)!))
    this.dirty.clear()
    this.lanes = [...this.laneRecs.keys()].map((id) => this.laneCache.get(id)!)
    return true
  }

  private reset(facts: readonly Fact[], epoch?: number): void {
    this.factsRef = facts
    this.epoch = epoch
    this.schedulesRef = undefined
    this.factsSeen = 0
    this.auditSeen = 0
    this.auditLast = undefined
    this.pods.clear()
    this.tokens.clear()
    this.laneRecs.clear()
    this.laneOfToken.clear()
    this.laneCache.clear()
    this.dirty.clear()
    this.coveredTo = -Infinity
    this.byPod.clear()
    this.lanes = []
  }

  private resetRequests(): void {
    this.auditSeen = 0
    for (const [key, tok] of this.tokens) {
      if (tok.requests.length === 0) continue
      tok.requests = []
      this.dirty.add(this.laneOfToken.get(key)!)
    }
  }

  private addLane(id: string, kind: LaneKind, title: string, podUID?: string): LaneRec {
    let rec = this.laneRecs.get(id)
    if (!rec) {
      rec = { id, kind, title, podUID, tokenKeys: [] }
      this.laneRecs.set(id, rec)
    }
    this.dirty.add(id)
    return rec
  }

  private onFact(f: Fact): void {
    if (f.type.startsWith('pod.') && 'uid' in f && 'name' in f && 'namespace' in f) {
      const kind = f.type.slice(4) as LifecycleKind
      let pod = this.pods.get(f.uid)
      if (!pod) {
        pod = { namespace: f.namespace, name: f.name, uid: f.uid, events: [], createdAt: f.at }
        this.pods.set(f.uid, pod)
        this.addLane(`pod:${f.uid}`, 'pod', `${f.namespace}/${f.name}`, f.uid)
      }
      if (pod.events.some((e) => e.kind === kind)) return // the same event twice (e.g. two deletion watchers)
      const node = 'node' in f ? f.node : undefined
      pod.events.push({ t: f.at, kind, ...(node ? { node } : {}) })
      if (node) pod.node = node
      if (kind === 'deletionRequested') pod.deletionAt = f.at
      if (kind === 'deleted') {
        pod.goneAt = f.at
        for (const [key, tok] of this.tokens) if (tok.pod?.uid === pod.uid) this.dirty.add(this.laneOfToken.get(key)!)
      }
      this.dirty.add(`pod:${f.uid}`)
      return
    }
    if (f.type !== 'token.issued') return
    const tok: TokenInfo & { issuedAt: number } = {
      key: f.jti, jti: f.jti, namespace: f.namespace, serviceAccount: f.serviceAccount, source: f.source,
      iat: f.iat * 1000, exp: f.exp * 1000, issuedAt: f.at, requests: [],
      ...(f.warnafter !== undefined ? { warnafter: f.warnafter * 1000 } : {}),
      ...(f.pod ? { pod: f.pod } : {}),
    }
    const old = this.tokens.get(f.jti)
    if (old) tok.requests = old.requests // seen in the audit first
    this.tokens.set(f.jti, tok)
    let lane: LaneRec
    if (f.source === 'kubelet' && f.pod) {
      lane = this.laneRecs.get(`pod:${f.pod.uid}`) ?? this.addLane(`pod:${f.pod.uid}`, 'pod', `${f.namespace}/${f.pod.name}`, f.pod.uid)
    } else if (f.source === 'legacy-secret') {
      lane = this.addLane(`legacy:${f.namespace}/${f.serviceAccount}`, 'legacy', `${f.namespace}/${f.serviceAccount} (legacy Secret)`)
    } else {
      lane = this.addLane(`tr:${f.jti}`, 'TokenRequest', `${f.namespace}/${f.serviceAccount} (kubectl create token)`)
    }
    const before = this.laneOfToken.get(f.jti)
    if (before && before !== lane.id) {
      const prev = this.laneRecs.get(before)!
      prev.tokenKeys = prev.tokenKeys.filter((k) => k !== f.jti)
      if (prev.tokenKeys.length === 0 && prev.kind === 'unknown') this.laneRecs.delete(before)
      else this.dirty.add(before)
    }
    if (!lane.tokenKeys.includes(f.jti)) lane.tokenKeys.push(f.jti)
    this.laneOfToken.set(f.jti, lane.id)
    this.dirty.add(lane.id)
  }

  private onAudit(e: AuditEntry, index: number): void {
    if (!e.token) return
    const key = e.token.jti ?? `subject:${e.token.subject ?? 'unknown'}`
    let tok = this.tokens.get(key)
    if (!tok) {
      const [, , ns = '', sa = ''] = (e.token.subject ?? '').split(':')
      const legacy = e.token.jti === undefined
      tok = { key, namespace: ns, serviceAccount: sa, source: legacy ? 'legacy-secret' : 'unknown', issuedAt: e.at, requests: [], ...(e.token.jti ? { jti: e.token.jti } : {}) }
      this.tokens.set(key, tok)
      const lane = legacy
        ? this.addLane(`legacy:${ns}/${sa}`, 'legacy', `${ns}/${sa} (legacy Secret)`)
        : this.addLane(`unknown:${key}`, 'unknown', `${e.token.subject ?? 'unknown subject'} (token not in the record)`)
      lane.tokenKeys.push(key)
      this.laneOfToken.set(key, lane.id)
    }
    tok.requests.push(requestMark(e, index))
    this.dirty.add(this.laneOfToken.get(key)!)
  }

  /** Fetch the refresh schedules when a new pod token appeared or the view needs times past what is known. */
  private fetchSchedules(src: TimelineSource, horizon: number): void {
    const live = [...this.tokens.values()].filter((t) => t.source === 'kubelet' && t.pod && this.pods.get(t.pod.uid)?.goneAt === undefined)
    if (live.length === 0) return
    let to: number
    let list: readonly TokenSchedule[]
    if (src.schedules) {
      if (src.schedules === this.schedulesRef) return
      this.schedulesRef = src.schedules
      ;({ to, list } = src.schedules)
    } else {
      const newPod = live.some((t) => !this.byPod.has(t.pod!.uid))
      const need = Math.max(horizon, src.nowMs())
      if (!newPod && need <= this.coveredTo) return
      to = need + SCHEDULE_MARGIN
      list = src.tokenSchedules(0, to, 10_000_000)
    }
    const found = new Map<string, number[]>()
    for (const s of list) {
      const xs = found.get(s.podUID)
      if (xs) xs.push(...s.refreshes)
      else found.set(s.podUID, [...s.refreshes])
    }
    for (const [uid, xs] of found) {
      xs.sort((a, b) => a - b)
      this.byPod.set(uid, xs)
      this.dirty.add(`pod:${uid}`)
    }
    for (const t of live) if (!found.has(t.pod!.uid)) this.byPod.set(t.pod!.uid, [])
    this.coveredTo = to
    this.scheduleFetches++
  }

  private refreshOf(tok: TokenInfo & { issuedAt: number }): TokenInfo['refresh'] {
    if (tok.source !== 'kubelet' || !tok.pod || tok.iat === undefined) return undefined
    const goneAt = this.pods.get(tok.pod.uid)?.goneAt
    const chain = this.byPod.get(tok.pod.uid)
    const i = chain ? lowerBound(chain, tok.issuedAt + 1) : -1
    const exact = chain !== undefined && i < chain.length
    const es = tok.warnafter !== undefined ? Math.round((tok.warnafter - tok.iat) / 1000) : 3607
    const t = exact ? chain[i] : nominalRefresh(tok.iat, es)
    return { t, exact, afterGone: goneAt !== undefined && t > goneAt }
  }

  private snapshot(rec: LaneRec): Lane {
    const pod = rec.podUID ? this.pods.get(rec.podUID) : undefined
    const tokens = rec.tokenKeys.map((k) => {
      const tok = this.tokens.get(k)!
      const goneAt = tok.pod ? this.pods.get(tok.pod.uid)?.goneAt : undefined
      const { issuedAt: _issuedAt, ...plain } = tok
      const refresh = this.refreshOf(tok)
      return { ...plain, requests: tok.requests.slice(), ...(refresh ? { refresh } : {}), ...(goneAt !== undefined ? { invalidAt: goneAt } : {}) }
    })
    let refreshes: readonly number[] = []
    const chain = rec.podUID ? this.byPod.get(rec.podUID) : undefined
    if (chain && pod) refreshes = pod.goneAt === undefined ? chain : chain.slice(0, lowerBound(chain, pod.goneAt))
    return {
      id: rec.id, kind: rec.kind, title: rec.title, tokens, refreshes,
      ...(pod ? { pod: { ...pod, events: pod.events.slice() } } : {}),
    }
  }
}
