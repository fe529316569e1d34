// Reusable checks: named predicates over the lab's objects and audit record, each saying what it
// expected and what it found.

import type { KObject } from '../cluster/api/meta'
import type { AuditEntry } from '../cluster/audit/audit'
import type { Check, CheckResult } from './types'
import { audiences, readJwt, type Claims } from './tokens'

const result = (ok: boolean, expected: string, found: string): CheckResult => ({ ok, expected, found })
const phaseOf = (p: KObject) => ((p.status as { phase?: string } | undefined)?.phase ?? 'Pending')
const TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount'

export function namespaceExists(ns: string): Check {
  return {
    name: `namespace ${ns} exists`,
    run(v) {
      const o = v.get('namespaces', undefined, ns)
      const phase = (o?.status as { phase?: string } | undefined)?.phase
      return result(!!o && phase !== 'Terminating', `namespace ${ns} exists`, o ? `namespace ${ns} is ${phase ?? 'Active'}` : `there is no namespace ${ns}`)
    },
  }
}

export function namespaceGone(ns: string): Check {
  return {
    name: `namespace ${ns} is gone`,
    run(v) {
      const o = v.get('namespaces', undefined, ns)
      return result(!o, `no namespace ${ns} (deleting it takes its pods and ServiceAccounts along)`, o ? `namespace ${ns} still exists` : `there is no namespace ${ns}`)
    },
  }
}

export function serviceAccountExists(ns: string, name: string, automount?: boolean): Check {
  const want = automount === undefined ? '' : ` with automountServiceAccountToken: ${automount}`
  return {
    name: `ServiceAccount ${ns}/${name} exists${want}`,
    run(v) {
      const sa = v.get('serviceaccounts', ns, name)
      if (!sa) return result(false, `ServiceAccount ${ns}/${name}${want}`, `there is no ServiceAccount ${name} in namespace ${ns}`)
      const has = sa.automountServiceAccountToken as boolean | undefined
      if (automount === undefined || has === automount) return result(true, `ServiceAccount ${ns}/${name}${want}`, `ServiceAccount ${ns}/${name} exists${want}`)
      return result(false, `ServiceAccount ${ns}/${name}${want}`, has === undefined ? `ServiceAccount ${ns}/${name} does not set automountServiceAccountToken (so its pods get a token)` : `ServiceAccount ${ns}/${name} has automountServiceAccountToken: ${has}`)
    },
  }
}

export function podRunning(ns: string, name: string): Check {
  return {
    name: `pod ${ns}/${name} is Running`,
    run(v) {
      const pod = v.get('pods', ns, name)
      if (!pod) return result(false, `pod ${ns}/${name} Running`, `there is no pod ${name} in namespace ${ns}`)
      const phase = phaseOf(pod)
      if (pod.metadata.deletionTimestamp) return result(false, `pod ${ns}/${name} Running`, `pod ${ns}/${name} is being deleted`)
      return result(phase === 'Running', `pod ${ns}/${name} Running`, phase === 'Running' ? `pod ${ns}/${name} is Running` : `pod ${ns}/${name} is ${phase}; the token file appears once it runs (kubectl wait, or lab advance 5s)`)
    },
  }
}

export function podGone(ns: string, name: string): Check {
  return {
    name: `pod ${ns}/${name} is gone`,
    run(v) {
      const pod = v.get('pods', ns, name)
      return result(!pod, `no pod ${ns}/${name}`, pod ? `pod ${ns}/${name} still exists (${pod.metadata.deletionTimestamp ? 'terminating' : phaseOf(pod)})` : `there is no pod ${name} in namespace ${ns}`)
    },
  }
}

/** Whether the pod got the kubelet's projected token volume. */
export function podHasToken(ns: string, name: string, want: boolean): Check {
  const expected = want ? `pod ${ns}/${name} with a token mounted at ${TOKEN_DIR}` : `pod ${ns}/${name} without a token volume`
  return {
    name: want ? `pod ${ns}/${name} has a token` : `pod ${ns}/${name} has no token`,
    run(v) {
      const pod = v.get('pods', ns, name)
      if (!pod) return result(false, expected, `there is no pod ${name} in namespace ${ns}`)
      const volumes = ((pod.spec as { volumes?: { projected?: { sources?: { serviceAccountToken?: unknown }[] } }[] }).volumes ?? [])
      const has = volumes.some((vol) => vol.projected?.sources?.some((s) => s.serviceAccountToken !== undefined))
      return result(has === want, expected, `pod ${ns}/${name} ${has ? 'has' : 'has no'} projected token volume`)
    },
  }
}

export function roleBindingFor(ns: string, subject: string): Check {
  const [saNs, saName] = subject.split(':')
  return {
    name: `a RoleBinding in ${ns} names ServiceAccount ${subject}`,
    run(v) {
      const bindings = v.objects('rolebindings.rbac.authorization.k8s.io', ns)
      const hit = bindings.find((b) => ((b.subjects as { kind: string; name: string; namespace?: string }[] | undefined) ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === saName && (s.namespace ?? ns) === saNs))
      const found = hit ? `RoleBinding ${ns}/${hit.metadata.name} names it` : bindings.length ? `RoleBindings in ${ns} (${bindings.map((b) => b.metadata.name).join(', ')}) do not name ServiceAccount ${subject}` : `there is no RoleBinding in namespace ${ns}`
      return result(!!hit, `a RoleBinding in ${ns} whose subjects include ServiceAccount ${subject}`, found)
    },
  }
}

export function legacyTokenSecret(ns: string, name: string, want = true): Check {
  return {
    name: want ? `Secret ${ns}/${name} holds a legacy token` : `Secret ${ns}/${name} is gone`,
    run(v) {
      const s = v.get('secrets', ns, name)
      const token = (s?.data as Record<string, string> | undefined)?.token
      if (!want) return result(!s, `no Secret ${ns}/${name}`, s ? `Secret ${ns}/${name} still exists` : `there is no Secret ${name} in namespace ${ns}`)
      if (!s) return result(false, `Secret ${ns}/${name} of type kubernetes.io/service-account-token with a token`, `there is no Secret ${name} in namespace ${ns}`)
      if (s.type !== 'kubernetes.io/service-account-token') return result(false, `Secret ${ns}/${name} of type kubernetes.io/service-account-token`, `Secret ${ns}/${name} has type ${String(s.type)}`)
      return result(!!token, `Secret ${ns}/${name} of type kubernetes.io/service-account-token with a token`, token ? `the tokens controller filled in its token` : `its token is not filled in yet`)
    },
  }
}

/** The variable holds a JWT whose claims pass `test`; `want` says in words what they should be. */
export function variableToken(variable: string, want: string, test: (c: Claims, header: Record<string, unknown>) => string | undefined): Check {
  return {
    name: `$${variable} holds ${want}`,
    run(v) {
      const text = v.variable(variable)
      if (text === undefined || text === '') return result(false, `$${variable} holding ${want}`, `$${variable} is not set`)
      const jwt = readJwt(text)
      if (!jwt) return result(false, `$${variable} holding ${want}`, `$${variable} does not hold a JWT (${text.length} characters)`)
      const problem = test(jwt.claims, jwt.header)
      return result(problem === undefined, `$${variable} holding ${want}`, problem ?? `$${variable} holds ${want}`)
    },
  }
}

export const claimChecks = {
  subject: (sub: string) => (c: Claims) => (c.sub === sub ? undefined : `its subject is ${c.sub ?? 'missing'}`),
  audience: (aud: string) => (c: Claims) => (audiences(c).includes(aud) ? undefined : `its audience is ${JSON.stringify(audiences(c))}`),
  lifetime: (seconds: number) => (c: Claims) => ((c.exp ?? 0) - (c.iat ?? 0) === seconds ? undefined : c.exp === undefined ? 'it has no exp' : `it lives ${(c.exp ?? 0) - (c.iat ?? 0)} seconds`),
  boundToPod: (pod: string) => (c: Claims) => (c['kubernetes.io']?.pod?.name === pod ? undefined : c['kubernetes.io']?.pod ? `it is bound to pod ${c['kubernetes.io'].pod.name}` : 'it is bound to no pod'),
  legacy: () => (c: Claims) => (c.iss === 'kubernetes/serviceaccount' && c.exp === undefined ? undefined : `its issuer is ${String(c.iss)}${c.exp === undefined ? '' : ' and it expires'}`),
}

/** All of several claim tests (the first problem wins). */
export const allOf = (...tests: ((c: Claims, h: Record<string, unknown>) => string | undefined)[]) => (c: Claims, h: Record<string, unknown>) => tests.map((t) => t(c, h)).find((p) => p !== undefined)

function describeEntry(e: AuditEntry): string {
  const why = e.authentication.decision === 'deny' ? e.authentication.reason : e.authorization?.reason
  return `${e.code}${why ? ` (${why})` : ''}`
}

/**
 * The latest request for pods made with the token in $variable (matched by its jti in the audit
 * record) got `code`, and, when given, the reason contains `reason` or the annotation `annotation` is set.
 */
export function requestWithToken(variable: string, code: number, opts: { reason?: string; annotation?: string; what?: string } = {}): Check {
  const what = opts.what ?? `a request with $${variable} answered ${code}`
  return {
    name: what,
    run(v) {
      const jwt = readJwt(v.variable(variable))
      if (!jwt) return result(false, what, `$${variable} does not hold a token yet`)
      const jti = jwt.claims.jti
      const legacyName = jwt.claims['kubernetes.io/serviceaccount/secret.name']
      const mine = (e: AuditEntry) => (jti !== undefined ? e.token?.jti === jti : legacyName !== undefined && e.annotations?.['authentication.k8s.io/legacy-token'] !== undefined && e.token?.subject === jwt.claims.sub)
      const entries = v.audit().filter((e) => /\/pods(\?|$)/.test(e.requestURI) && mine(e))
      const last = entries[entries.length - 1]
      if (!last) return result(false, what, `no request for pods made with $${variable} is in the audit record yet`)
      const reason = `${last.authentication.reason ?? ''} ${last.authorization?.reason ?? ''}`
      const ok = last.code === code && (opts.reason === undefined || reason.includes(opts.reason)) && (opts.annotation === undefined || last.annotations?.[opts.annotation] !== undefined)
      const note = opts.annotation && last.annotations?.[opts.annotation] === undefined ? `, without the ${opts.annotation} annotation` : ''
      return result(ok, what, `the latest request for pods with $${variable} got ${describeEntry(last)}${note}`)
    },
  }
}

/** The kubelet issued at least `n` tokens for the pod (the first one, then refreshes). */
export function podTokensIssued(ns: string, pod: string, n: number): Check {
  return {
    name: `the kubelet refreshed the token of pod ${ns}/${pod}`,
    run(v) {
      const count = v.facts().filter((f) => f.type === 'token.issued' && f.source === 'kubelet' && f.namespace === ns && f.pod?.name === pod).length
      const refreshes = Math.max(0, count - 1)
      const found = count === 0 ? `no token was issued for pod ${ns}/${pod} yet` : `the kubelet issued ${count} token${count === 1 ? '' : 's'} for it (${refreshes} refresh${refreshes === 1 ? '' : 'es'})`
      return result(count >= n, `at least ${n - 1} refresh${n === 2 ? '' : 'es'} of its token`, found)
    },
  }
}

export function fileExists(path: string): Check {
  return {
    name: `file ${path} exists`,
    run(v) {
      const text = v.file(path)
      return result(text !== undefined, `a file ${path}`, text === undefined ? `there is no file ${path}` : `${path} holds ${text.length} bytes`)
    },
  }
}
