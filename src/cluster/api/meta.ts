// Object metadata and the generic object shape of the lab's resources.
// Imitates: k8s.io/apimachinery/pkg/apis/meta/v1 (ObjectMeta, TypeMeta).

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name: string
  /** Prefix for a server-generated name (names.SimpleNameGenerator adds 5 characters). */
  generateName?: string
  namespace?: string
  uid: string
  resourceVersion: string
  /** RFC 3339, seconds precision, UTC (`2026-11-29T15:31:57Z`). */
  creationTimestamp: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  generation?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  finalizers?: string[]
  ownerReferences?: OwnerReference[]
}

export interface LabelSelectorRequirement { key: string; operator: string; values?: string[] }
export interface LabelSelector { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] }

/**
 * An object as its writer builds it, before storage: the metadata the API server fills (uid,
 * resourceVersion, creationTimestamp) may be missing. `T`'s other fields keep their types.
 */
export type NewObject<T extends KObject = KObject> =
  { [K in keyof T as K extends 'metadata' ? never : K]: T[K] } & { metadata: Partial<ObjectMeta> & { name: string } }

/** Any stored object. Resource-specific fields (spec, status, data, ...) are plain JSON. */
export interface KObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  [field: string]: unknown
}

