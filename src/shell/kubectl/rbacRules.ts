// Imitates: kubectl pkg/util/rbac/rbac.go (BreakdownRule, CompactRules, SortableRuleSlice) and
// pkg/describe/describe.go CombineResourceGroup, with k8s.io/api rbac/v1 PolicyRule.String for the sort key.

export interface PolicyRule {
  verbs: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

/** Go's `%v` of a []string: `[a b c]`. */
export const goList = (xs: readonly string[] | undefined | null): string => `[${(xs ?? []).join(' ')}]`

/** One rule per (group, resource, verb[, name]) and per (URL, verb). */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = []
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        if (rule.resourceNames?.length) {
          for (const name of rule.resourceNames) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] })
        } else {
          out.push({ apiGroups: [group], resources: [resource], verbs: [verb] })
        }
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] })
  return out
}

function simpleKey(rule: PolicyRule): string | undefined {
  if ((rule.resourceNames?.length ?? 0) > 1 || (rule.nonResourceURLs?.length ?? 0) > 0) return undefined
  if (rule.apiGroups?.length !== 1 || rule.resources?.length !== 1) return undefined
  return JSON.stringify([rule.apiGroups[0], rule.resources[0], rule.resourceNames?.length ? rule.resourceNames[0] : null])
}

/** Merges the verbs of rules on one (group, resource[, name]); other rules stay as they are, first. */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = []
  const simple = new Map<string, PolicyRule>()
  for (const rule of rules) {
    const key = simpleKey(rule)
    if (key === undefined) {
      compacted.push(rule)
      continue
    }
    const existing = simple.get(key)
    if (!existing) simple.set(key, { ...rule, verbs: [...rule.verbs] })
    else for (const v of rule.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v)
  }
  return [...compacted, ...simple.values()]
}

/** PolicyRule.String() (generated.pb.go): the key kubectl sorts rules by. */
export function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`
}

const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** sort.Stable(SortableRuleSlice(rules)). */
export function sortRules(rules: PolicyRule[]): PolicyRule[] {
  return rules
    .map((r, i) => ({ r, i, k: ruleString(r) }))
    .sort((a, b) => byteCompare(a.k, b.k) || a.i - b.i)
    .map((x) => x.r)
}

/** `pods`, `roles.rbac.authorization.k8s.io`, `pods.x/log`: the first resource with the first group. */
export function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return ''
  const slash = resources[0].indexOf('/')
  let out = slash < 0 ? resources[0] : resources[0].slice(0, slash)
  if (groups?.length && groups[0] !== '') out += `.${groups[0]}`
  if (slash >= 0) out += `/${resources[0].slice(slash + 1)}`
  return out
}
