// Stand-ins for the signer, TokenRequest and kubelet (which gets its API client and ignores it) in the core's own tests
// (`vi.mock('./components', () => import('./testing/stubComponents'))`): the stub kubelet removes
// a terminating pod from storage when its grace period ends, and exec echoes the container and command.

const KILL = 'stub-kubelet.remove'
const registered = new WeakSet<object>()

export class Kubelet {
  constructor(ctx: any, _client: unknown, private node: { name: string }) {
    if (!registered.has(ctx)) {
      registered.add(ctx)
      ctx.onWork(KILL, (d: any) => {
        const p = ctx.store.get('pods', d.namespace, d.name)
        if (p && p.metadata.uid === d.uid) ctx.store.delete('pods', d.namespace, d.name)
      })
    }
    ctx.store.watch((e: any) => {
      const p = e.object
      if (e.resource !== 'pods' || e.type !== 'MODIFIED' || p.spec.nodeName !== this.node.name || !p.metadata.deletionTimestamp) return
      const at = Date.parse(p.metadata.deletionTimestamp)
      if (!ctx.clock.pending().some((w: any) => w.type === KILL && w.data.uid === p.metadata.uid && w.at === at)) {
        ctx.clock.schedule(at, KILL, { namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid })
      }
    })
  }
  exec(_ns: string, _pod: string, container: string, command: string[]) {
    return { kind: 'ExecResult', stdout: `${container}:${command.join(' ')}\n`, stderr: '', exitCode: 0 }
  }
  snapshot() { return { node: this.node.name } }
  refreshesBetween() { return 0 }
  fastForward() {}
  tokenSchedules() { return [] }
  restore() {}
}

const signer = { kid: 'stub', sign: async () => 'h.p.s', publicJwk: () => ({ kid: 'stub' }), snapshot: () => ({ kid: 'stub' }) }

export const TOKEN_REFRESHES = 'kubelet.token-refresh'
export const createSigner = async () => signer
export const restoreSigner = async () => signer
export const createTokenRequest = async (_ctx: unknown, _s: unknown, a: { namespace: string; serviceAccountName: string }) =>
  ({ ok: true, object: { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: { name: a.serviceAccountName, namespace: a.namespace }, status: { token: 'h.p.s' } }, claims: { jti: 'stub' } })
