// Typed facts the cluster publishes as things happen. The timeline (and later the audit view)
// reads these; they are plain data and part of the lab's saved state.

export type Fact =
  | { at: number; type: 'namespace.created' | 'namespace.terminating' | 'namespace.deleted'; name: string; uid: string }
  | { at: number; type: 'serviceaccount.created' | 'serviceaccount.deleted'; namespace: string; name: string; uid: string }
  | {
      at: number
      type: 'pod.created' | 'pod.scheduled' | 'pod.pulled' | 'pod.started' | 'pod.deletionRequested' | 'pod.deleted'
      namespace: string
      name: string
      uid: string
      node?: string
    }
  | {
      at: number
      type: 'token.issued'
      namespace: string
      serviceAccount: string
      /** The JWT id (`jti`). */
      jti: string
      iat: number
      exp: number
      warnafter?: number
      /** Set when the kubelet requested it for a pod volume. */
      pod?: { name: string; uid: string }
      /** Who asked: `kubelet` (pod volume) or `TokenRequest` (e.g. kubectl create token). */
      source: 'kubelet' | 'TokenRequest' | 'legacy-secret'
    }
  | {
      at: number
      type: 'request'
      method: string
      path: string
      code: number
      user?: string
      /** The token's jti when a service-account token authenticated (or failed to). */
      jti?: string
      reason?: string
    }
