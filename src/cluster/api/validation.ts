// Name validation with the real messages, and the object-metadata checks every registry runs.
// Imitates: k8s.io/apimachinery/pkg/api/validate/content (kube.go, dns.go; v0.35), pkg/util/validation,
// pkg/api/validation/objectmeta.go and pkg/apis/meta/v1/validation (ValidateLabels)

import { forbiddenField, invalid, required, type FieldError } from '../../common/apiErrors'

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_LABEL_ERR = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character'
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const DNS1123_SUBDOMAIN_ERR = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character'
const labelRe = new RegExp(`^${DNS1123_LABEL_FMT}$`)
const subdomainRe = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`)

/** RegexError: `<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')` (sic, two spaces). */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  let s = `${msg} (e.g. `
  examples.forEach((e, i) => { if (i > 0) s += ' or '; s += `'${e}', ` })
  return `${s}regex used for validation is '${fmt}')`
}

export const maxLenError = (n: number) => `must be no more than ${n} characters`

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push(maxLenError(63))
  if (!labelRe.test(value)) {
    if (subdomainRe.test(value)) errs.push('must not contain dots')
    else errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errs
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push(maxLenError(253))
  if (!subdomainRe.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'))
  return errs
}

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_KEY_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const labelKeyRe = new RegExp(`^${LABEL_KEY_FMT}$`)
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`
const LABEL_VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const labelValueRe = new RegExp(`^${LABEL_VALUE_FMT}$`)

/** content.IsLabelKey (util/validation's IsQualifiedName): `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters. */
export function isLabelKey(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name = parts[0]
  if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`))
  } else if (parts.length > 2) {
    return [`a valid label key ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`)
  if (!labelKeyRe.test(name)) errs.push(`name part ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

/** content.IsLabelValue: empty, or at most 63 characters of a label key's name part. */
export function isLabelValue(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push(maxLenError(63))
  if (!labelValueRe.test(value)) errs.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errs
}

/** TotalAnnotationSizeLimitB: every annotation's key and value together, in bytes. */
const ANNOTATIONS_SIZE_LIMIT = 256 * 1024

const entriesOf = (m: unknown): [string, unknown][] => (m && typeof m === 'object' ? Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [])

/**
 * ValidateLabels and ValidateAnnotations (an annotation's key is a label key in lower case; their size
 * together at most 256 KiB). Go walks the maps in no fixed order: here, by key.
 */
export function validateLabelsAndAnnotations(meta: { labels?: unknown; annotations?: unknown }): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of entriesOf(meta.labels)) {
    for (const m of isLabelKey(k)) errs.push(invalid('metadata.labels', k, m))
    if (typeof v === 'string') for (const m of isLabelValue(v)) errs.push(invalid('metadata.labels', v, m))
  }
  let size = 0
  const bytes = (s: string) => new TextEncoder().encode(s).length
  for (const [k, v] of entriesOf(meta.annotations)) {
    for (const m of isLabelKey(k.toLowerCase())) errs.push(invalid('metadata.annotations', k, m))
    size += bytes(k) + (typeof v === 'string' ? bytes(v) : 0)
  }
  if (size > ANNOTATIONS_SIZE_LIMIT) errs.push({ type: 'FieldValueTooLong', field: 'metadata.annotations', detail: `may not be more than ${ANNOTATIONS_SIZE_LIMIT} bytes` })
  return errs
}

/** hasChDirPrefix */
function chDirErrors(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+'
const configMapKeyRe = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`)

/** IsConfigMapKey: the keys of ConfigMap and Secret data. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = []
  if (key.length > 253) errs.push(maxLenError(253))
  if (!configMapKeyRe.test(key)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'))
  return [...errs, ...chDirErrors(key)]
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*'
const envVarNameRe = new RegExp(`^${ENV_VAR_NAME_FMT}$`)

/** IsEnvVarName */
export function isEnvVarName(key: string): string[] {
  const errs = envVarNameRe.test(key) ? [] : [regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1')]
  return [...errs, ...chDirErrors(key)]
}

export type NameFn = (name: string, prefix: boolean) => string[]

/** generateName prefixes may end in '-' (maskTrailingDash). */
const withPrefix = (fn: (v: string) => string[]): NameFn => (name, prefix) =>
  fn(prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name)

export const nameIsDNSLabel: NameFn = withPrefix(isDNS1123Label)
export const nameIsDNSSubdomain: NameFn = withPrefix(isDNS1123Subdomain)

export interface MetaLike { name?: string; generateName?: string; namespace?: string; labels?: unknown; annotations?: unknown }

/** ValidateObjectMeta: name (or generateName), namespace presence, and their formats; the labels and annotations. */
export function validateObjectMeta(meta: MetaLike, requiresNamespace: boolean, nameFn: NameFn): FieldError[] {
  const errs: FieldError[] = []
  if (meta.generateName) {
    for (const m of nameFn(meta.generateName, true)) errs.push(invalid('metadata.generateName', meta.generateName, m))
  }
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'))
  else for (const m of nameFn(meta.name, false)) errs.push(invalid('metadata.name', meta.name, m))
  if (requiresNamespace) {
    if (!meta.namespace) errs.push(required('metadata.namespace'))
    else for (const m of isDNS1123Label(meta.namespace)) errs.push(invalid('metadata.namespace', meta.namespace, m))
  } else if (meta.namespace) {
    errs.push(forbiddenField('metadata.namespace', 'not allowed on this type'))
  }
  errs.push(...validateLabelsAndAnnotations(meta))
  return errs
}
