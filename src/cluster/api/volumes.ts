// The volume sources of a pod the lab reads (configMap, secret, downwardAPI, projected with
// serviceAccountToken): plain JSON, other sources pass through untyped.
// Imitates: k8s.io/api/core/v1/types.go (Volume, VolumeSource, ProjectedVolumeSource, ...)

/** Maps a key of a ConfigMap or Secret to a file of the volume. */
export interface KeyToPath { key: string; path: string; mode?: number }

export interface ConfigMapVolumeSource { name?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean }
export interface SecretVolumeSource { secretName?: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean }

export interface ObjectFieldSelector { apiVersion?: string; fieldPath: string }
export interface ResourceFieldSelector { containerName?: string; resource: string; divisor?: string }
export interface DownwardAPIVolumeFile { path: string; fieldRef?: ObjectFieldSelector; resourceFieldRef?: ResourceFieldSelector; mode?: number }
export interface DownwardAPIVolumeSource { items?: DownwardAPIVolumeFile[]; defaultMode?: number }

export interface ConfigMapProjection { name?: string; items?: KeyToPath[]; optional?: boolean }
export interface SecretProjection { name?: string; items?: KeyToPath[]; optional?: boolean }
export interface DownwardAPIProjection { items?: DownwardAPIVolumeFile[] }
/** The kubelet asks the TokenRequest API for this token and refreshes it (the lab's main story). */
export interface ServiceAccountTokenProjection { audience?: string; expirationSeconds?: number; path: string }

export interface VolumeProjection {
  secret?: SecretProjection
  downwardAPI?: DownwardAPIProjection
  configMap?: ConfigMapProjection
  serviceAccountToken?: ServiceAccountTokenProjection
  [source: string]: unknown
}
export interface ProjectedVolumeSource { sources?: VolumeProjection[]; defaultMode?: number }

export interface Volume {
  name: string
  configMap?: ConfigMapVolumeSource
  secret?: SecretVolumeSource
  downwardAPI?: DownwardAPIVolumeSource
  projected?: ProjectedVolumeSource
  [source: string]: unknown
}
