// Name validation with the real messages, and the object-metadata checks every registry runs.
// Imitates: k8s.io/apimachinery/pkg/util/validation/validation.go and pkg/api/validation/objectmeta.go

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

export type NameFn = (name: string, prefix: boolean) => string[]

/** generateName prefixes may end in '-' (maskTrailingDash). */
const withPrefix = (fn: (v: string) => string[]): NameFn => (name, prefix) =>
  fn(prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name)

export const nameIsDNSLabel: NameFn = withPrefix(isDNS1123Label)
export const nameIsDNSSubdomain: NameFn = withPrefix(isDNS1123Subdomain)

export interface MetaLike { name?: string; generateName?: string; namespace?: string }

/** ValidateObjectMeta: name (or generateName), namespace presence, and their formats. */
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
  return errs
}
