// A tiny ClusterContext for the kubelet and token tests: store, clock, seeded random, facts,
// a work registry and a runDue loop (the real cluster wires its own).

import { ObjectStore } from '../store/store'
import { VirtualClock } from '../clock/clock'
import { Random } from '../random'
import { DEFAULT_CLUSTER_CONFIG, type ClusterContext } from '../context'
import type { Fact } from '../events/facts'
import type { WorkType } from '../clock/dueWork'
import type { KObject } from '../api/meta'
import { rfc3339 } from '../../common/time'
import { APIServer } from '../apiserver/server'
import { GIT_COMMIT } from '../apiserver/handlers/discovery'
import { kubeletClient, type ComponentClient } from '../client/inProcess'
import { createTokenRequest } from '../serviceaccount/tokenrequest'
import { createSigner, type TokenSigner } from '../serviceaccount/signer'
import { Kubelet } from './kubelet'

export const T0 = Date.UTC(2026, 10, 29, 15, 31, 57)

export interface TestContext extends ClusterContext {
  facts: Fact[]
  handlers: Map<WorkType, ((data: never) => void | Promise<void>)[]>
  /** Run all work due at or before `until` (then set the clock to `until`); returns how many ran. */
  runDue(until: number): Promise<number>
}

export function makeContext(seed = 'test', start = T0): TestContext {
  const facts: Fact[] = []
  const handlers: TestContext['handlers'] = new Map()
  const ctx: TestContext = {
    store: new ObjectStore(),
    clock: new VirtualClock(start),
    random: Random.fromSeed(seed),
    config: DEFAULT_CLUSTER_CONFIG,
    facts,
    handlers,
    record: (f) => { facts.push(f) },
    onWork: (type, h) => { handlers.set(type, [...(handlers.get(type) ?? []), h as (data: never) => void | Promise<void>]) },
    async runDue(until) {
      let n = 0
      for (let w = ctx.clock.takeDue(until); w; w = ctx.clock.takeDue(until)) {
        const hs = handlers.get(w.type)
        if (!hs) throw new Error(`no handler for ${w.type}`)
        for (const h of hs) await (h as (data: unknown) => void | Promise<void>)(w.data)
        n++
      }
      ctx.clock.set(until)
      return n
    },
  }
  return ctx
}

function meta(ctx: ClusterContext, name: string, namespace?: string) {
  return { name, ...(namespace ? { namespace } : {}), uid: ctx.random.uuid(), resourceVersion: '', creationTimestamp: rfc3339(ctx.clock.now()) }
}

/** Namespace, its default ServiceAccount, kube-root-ca.crt and the two nodes, as the other components would make them. */
export function seedCluster(ctx: ClusterContext, namespace = 'sa-demo'): void {
  for (const n of ctx.config.nodes) {
    ctx.store.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: meta(ctx, n.name), spec: { podCIDR: n.podCIDR } })
  }
  ctx.store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: meta(ctx, namespace), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })
  ctx.store.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(ctx, 'default', namespace) })
  ctx.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(ctx, 'kube-root-ca.crt', namespace), data: { 'ca.crt': 'CA PEM\n' } })
}

export const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.45'

/** A pod as admission and the scheduler leave it (kubectl run app --image=agnhost --command -- sleep 100000). */
export function podObject(ctx: ClusterContext, opts: { name?: string; namespace?: string; node?: string; token?: boolean; expirationSeconds?: number; image?: string } = {}): KObject {
  const name = opts.name ?? 'app'
  const namespace = opts.namespace ?? 'sa-demo'
  const vol = 'kube-api-access-' + ctx.random.nameSuffix()
  const withToken = opts.token ?? true
  const now = rfc3339(ctx.clock.now())
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta(ctx, name, namespace), generation: 1, labels: { run: name } },
    spec: {
      containers: [{
        command: ['sleep', '100000'], image: opts.image ?? AGNHOST, imagePullPolicy: 'IfNotPresent', name, resources: {},
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
        ...(withToken ? { volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol, readOnly: true }] } : {}),
      }],
      dnsPolicy: 'ClusterFirst', enableServiceLinks: true, nodeName: opts.node ?? 'worker-0',
      restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {},
      serviceAccount: 'default', serviceAccountName: 'default', terminationGracePeriodSeconds: 30,
      ...(withToken ? {
        volumes: [{
          name: vol,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: opts.expirationSeconds ?? 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        }],
      } : {}),
    },
    status: { conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }], phase: 'Pending', qosClass: 'BestEffort' },
  }
}

const servers = new WeakMap<ClusterContext, APIServer>()

/** A node's API client against an API server over the test context's store (one server per context). */
export function nodeClient(ctx: ClusterContext, signer: TokenSigner, node: string): ComponentClient {
  let api = servers.get(ctx)
  if (!api) {
    api = new APIServer({ ctx, exec: async () => undefined, tokenRequest: (a) => createTokenRequest(ctx, signer, a) })
    servers.set(ctx, api)
  }
  const server = api
  return kubeletClient((req) => server.handle(req), node, ctx.config.kubernetesVersion, GIT_COMMIT)
}

/** A seeded test cluster (sa-demo) and its first node's kubelet, which talks to the API server as that node. */
export async function firstNodeKubelet(seed: string): Promise<{ ctx: TestContext; signer: TokenSigner; kubelet: Kubelet }> {
  const ctx = makeContext(seed)
  seedCluster(ctx)
  const signer = await createSigner({ deterministic: true })
  const kubelet = new Kubelet(ctx, nodeClient(ctx, signer, ctx.config.nodes[0].name), ctx.config.nodes[0])
  return { ctx, signer, kubelet }
}
