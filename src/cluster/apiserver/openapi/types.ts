// The parts of an OpenAPI v3 document that `kubectl explain` reads: schemas with descriptions,
// types, required fields and refs, and the paths that name each resource's group/version/kind.

export interface GroupVersionKind { group: string; kind: string; version: string }

export interface OpenApiSchema {
  description?: string
  type?: string
  properties?: Record<string, OpenApiSchema>
  required?: string[]
  items?: OpenApiSchema
  additionalProperties?: OpenApiSchema | boolean
  allOf?: OpenApiSchema[]
  $ref?: string
  enum?: unknown[]
  'x-kubernetes-group-version-kind'?: GroupVersionKind[]
}

/** One group-version's document as the lab keeps it: resource path -> GVK, schema name -> schema. */
export interface OpenApiDocumentData {
  paths: Record<string, GroupVersionKind>
  schemas: Record<string, OpenApiSchema>
}

/** Keyed by the document's path under /openapi/v3 (`api/v1`, `apis/rbac.authorization.k8s.io/v1`). */
export type OpenApiDocuments = Record<string, OpenApiDocumentData>

/** The document as served: `{openapi, info, paths: {path: {get: {x-kubernetes-group-version-kind}}}, components: {schemas}}`. */
export interface OpenApiV3Document {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, { 'x-kubernetes-group-version-kind'?: GroupVersionKind }>>
  components: { schemas: Record<string, OpenApiSchema> }
}
