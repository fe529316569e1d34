// Admission: attributes of a write, mutating and validating plugins, and the chain that runs them.
// Imitates: k8s.io/apiserver/pkg/admission/interfaces.go, chain.go and errors.go

import { newForbidden, type GroupResource, type StatusCause } from '../../../common/apiErrors'
import type { KObject } from '../../api/meta'
import type { ClusterContext } from '../../context'
import type { ResourceTypes, TypedResource } from '../../store/store'
import type { Status, UserInfo } from '../types'

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT'

export interface AdmissionAttributes {
  operation: Operation
  resource: GroupResource
  subresource: string
  /** The object's kind (`Pod`, `Namespace`). */
  kind: string
  namespace: string
  /** From the URL; for a create, empty until the object's own name is read. */
  name: string
  /** The new object; mutating plugins change it in place. */
  object?: KObject
  oldObject?: KObject
  userInfo: UserInfo
}

/**
 * Whether the request writes the store key `resource` itself or its status: then its objects are
 * of that resource's type (a subresource such as serviceaccounts/token carries another kind).
 */
export function isWriteOf<R extends TypedResource>(a: AdmissionAttributes, resource: R): a is AdmissionAttributes & { object?: ResourceTypes[R]; oldObject?: ResourceTypes[R] } {
  const key = a.resource.group ? `${a.resource.resource}.${a.resource.group}` : a.resource.resource
  return key === resource && (a.subresource === '' || a.subresource === 'status')
}

export interface AdmissionPlugin {
  name: string
  /** Mutating phase (MutationInterface.Admit). */
  admit?(a: AdmissionAttributes, ctx: ClusterContext): Status | undefined
  /** Validating phase (ValidationInterface.Validate). */
  validate?(a: AdmissionAttributes, ctx: ClusterContext): Status | undefined
}

/** admission.NewForbidden: `<resource> "<name>" is forbidden: <err>`, the name read from the object when needed. */
export function admissionForbidden(a: AdmissionAttributes, err: string, causes?: StatusCause[]): Status {
  const name = a.name || a.object?.metadata?.name || ''
  return newForbidden(a.resource, name, err, causes)
}

/** Told each time admission runs (the audit record keeps the outcome). */
export type AdmissionObserver = (outcome: { phase: 'admit' | 'validate'; denied?: { plugin: string; status: Status } }) => void

export class AdmissionChain {
  constructor(private plugins: AdmissionPlugin[], private ctx: ClusterContext, private observer?: AdmissionObserver) {}

  /** The same plugins, reporting to `observer` (one chain per request). */
  observed(observer: AdmissionObserver): AdmissionChain {
    return new AdmissionChain(this.plugins, this.ctx, observer)
  }

  admit(a: AdmissionAttributes): Status | undefined {
    return this.run('admit', a)
  }

  validate(a: AdmissionAttributes): Status | undefined {
    return this.run('validate', a)
  }

  private run(phase: 'admit' | 'validate', a: AdmissionAttributes): Status | undefined {
    for (const p of this.plugins) {
      const err = p[phase]?.(a, this.ctx)
      if (err) {
        this.observer?.({ phase, denied: { plugin: p.name, status: err } })
        return err
      }
    }
    this.observer?.({ phase })
    return undefined
  }

  names(): string[] {
    return this.plugins.map((p) => p.name)
  }
}
