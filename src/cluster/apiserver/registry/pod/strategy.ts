// The pod registry strategy: generation, initial status, validation, v1 conversion.
// Imitates: pkg/registry/core/pod/strategy.go and pkg/apis/core/validation/validation.go (ValidatePodCreate, a subset)

import { forbiddenField, invalid, required, type FieldError } from '../../../../common/apiErrors'
import type { Container, Pod } from '../../../api/core'
import { isDNS1123Label, nameIsDNSSubdomain } from '../../../api/validation'
import type { RESTStrategy } from '../strategy'
import { setDefaultsPod } from './defaults'
import { sortedJson } from '../../../serviceaccount/claims'

/** qos.GetPodQOS: BestEffort when no container requests or limits anything. */
export function podQOS(pod: Pod): string {
  const all = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]
  const res = all.map((c) => c.resources ?? {})
  if (res.every((r) => Object.keys(r.requests ?? {}).length === 0 && Object.keys(r.limits ?? {}).length === 0)) return 'BestEffort'
  const guaranteed = res.every((r) => ['cpu', 'memory'].every((k) => r.limits?.[k] && (r.requests?.[k] ?? r.limits[k]) === r.limits[k]))
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive'

/** ValidateLocalNonReservedPath: relative, no `..` element, not starting with `..`. */
function localPath(path: string, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (path.startsWith('/')) errs.push(invalid(field, path, 'must be a relative path'))
  if (path.split('/').includes('..')) errs.push(invalid(field, path, "must not contain '..'"))
  else if (path.startsWith('..')) errs.push(invalid(field, path, "must not start with '..'"))
  return errs
}

/** validateProjectedVolumeSource for each projected volume: its mode, one kind per source, a token's lifetime and path. */
function validateVolumes(volumes: Pod['spec']['volumes']): FieldError[] {
  const errs: FieldError[] = []
  ;(volumes ?? []).forEach((v, i) => {
    const projected = v.projected as { defaultMode?: number; sources?: Record<string, unknown>[] } | undefined
    if (!projected || typeof projected !== 'object') return
    const p = `spec.volumes[${i}].projected`
    const mode = projected.defaultMode
    if (typeof mode === 'number' && (mode > 0o777 || mode < 0)) errs.push(invalid(`${p}.defaultMode`, mode, FILE_MODE_ERROR))
    ;(projected.sources ?? []).forEach((source, j) => {
      const src = `${p}.sources[${j}]`
      const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate'].filter((k) => source?.[k] != null)
      const token = source?.serviceAccountToken as { expirationSeconds?: number; path?: string } | undefined
      if (token && typeof token === 'object') {
        const seconds = token.expirationSeconds ?? 0
        if (seconds < 600) errs.push(invalid(`${src}.serviceAccountToken.expirationSeconds`, seconds, 'may not specify a duration less than 10 minutes'))
        if (seconds > 2 ** 32) errs.push(invalid(`${src}.serviceAccountToken.expirationSeconds`, seconds, 'may not specify a duration larger than 2^32 seconds'))
        // (the path's errors name the projection, not the source: validation.go's fldPath.Child("path"))
        if (!token.path) errs.push(required(`${p}.path`))
        else errs.push(...localPath(token.path, `${p}.path`))
      }
      if (kinds.length > 1) errs.push(forbiddenField(src, 'may not specify more than 1 volume type'))
    })
  })
  return errs
}

function validateContainers(list: Container[] | undefined, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = []
  ;(list ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`
    if (!c.name) errs.push(required(`${p}.name`))
    else {
      for (const m of isDNS1123Label(c.name)) errs.push(invalid(`${p}.name`, c.name, m))
      if (names.has(c.name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, badValue: c.name })
      names.add(c.name)
    }
    if (!c.image) errs.push(required(`${p}.image`))
  })
  return errs
}

export function validatePodSpec(pod: Pod): FieldError[] {
  const spec = pod.spec
  const names = new Set<string>()
  // ValidatePodSpec checks the volumes first
  const errs: FieldError[] = validateVolumes(spec.volumes)
  if (!spec.containers || spec.containers.length === 0) errs.push(required('spec.containers'))
  errs.push(...validateContainers(spec.initContainers, 'spec.initContainers', names))
  errs.push(...validateContainers(spec.containers, 'spec.containers', names))
  const volumes = new Set((spec.volumes ?? []).map((v) => v.name))
  for (const [path, list] of [['spec.initContainers', spec.initContainers], ['spec.containers', spec.containers]] as const) {
    ;(list ?? []).forEach((c, i) => (c.volumeMounts ?? []).forEach((m, j) => {
      if (!volumes.has(m.name)) errs.push({ type: 'FieldValueNotFound', field: `${path}[${i}].volumeMounts[${j}].name`, badValue: m.name })
    }))
  }
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    errs.push({ type: 'FieldValueNotSupported', field: 'spec.restartPolicy', badValue: spec.restartPolicy, detail: 'supported values: "Always", "OnFailure", "Never"' })
  }
  return errs
}

const UPDATABLE_SPEC_MESSAGE = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

/** Pod spec updates may change only images, activeDeadlineSeconds and added tolerations. */
function specChangeAllowed(newSpec: Pod['spec'], oldSpec: Pod['spec']): boolean {
  const strip = (s: Pod['spec']) => {
    const c = structuredClone(s)
    for (const x of [...(c.containers ?? []), ...(c.initContainers ?? [])]) delete x.image
    delete c.activeDeadlineSeconds
    c.tolerations = (c.tolerations ?? []).slice(0, (oldSpec.tolerations ?? []).length)
    return sortedJson(semantic(c))
  }
  return strip(newSpec) === strip(oldSpec)
}

/** apiequality.Semantic.DeepEqual's view of a value: an empty list or map is the same as none, at every level. */
function semantic(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(semantic) : undefined
  if (v === null || typeof v !== 'object') return v
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) {
    const y = semantic(x)
    if (y !== undefined) out[k] = y
  }
  return Object.keys(out).length ? out : undefined
}

export const podStrategy: RESTStrategy<Pod> = {
  resource: { group: '', resource: 'pods' },
  kind: 'Pod',
  listKind: 'PodList',
  namespaced: true,
  nameFn: nameIsDNSSubdomain,
  returnDeletedObject: true,
  defaults: (pod) => setDefaultsPod(pod),
  prepareForCreate(pod) {
    pod.metadata.generation = 1
    pod.status = { phase: 'Pending', qosClass: podQOS(pod) }
  },
  validate: (pod) => validatePodSpec(pod),
  prepareForUpdate(pod, old) {
    pod.status = old.status
    if (JSON.stringify(pod.spec) !== JSON.stringify(old.spec)) pod.metadata.generation = (old.metadata.generation ?? 1) + 1
  },
  validateUpdate(pod, old) {
    setDefaultsPod(pod)
    pod.spec.serviceAccount = pod.spec.serviceAccountName
    return specChangeAllowed(pod.spec, old.spec) ? [] : [forbiddenField('spec', UPDATABLE_SPEC_MESSAGE)]
  },
  canonicalize(pod) {
    // v1 conversion writes the deprecated alias beside serviceAccountName
    if (pod.spec.serviceAccountName) pod.spec.serviceAccount = pod.spec.serviceAccountName
  },
}
