// Imitates: kubectl pkg/describe/describe.go RoleDescriber, ClusterRoleDescriber, RoleBindingDescriber,
// ClusterRoleBindingDescriber (rules broken down, compacted and sorted as pkg/util/rbac does).

import type { Role, RoleBinding } from '../../../cluster/api/rbac'
import { breakdownRule, combineResourceGroup, compactRules, goList, sortRules } from '../rbacRules'
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, type Obj } from './writer'

function header(w: PrefixWriter, o: Obj): void {
  w.write(0, `Name:\t${o.metadata?.name}\n`)
  printLabelsMultiline(w, 'Labels', o.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', o.metadata?.annotations)
}

/** A Role or a ClusterRole: its rules as the `PolicyRule:` table. */
export function describeRole(role: Obj & Pick<Role, 'rules'>): string {
  const w = new PrefixWriter()
  header(w, role)
  const rules = sortRules(compactRules((role.rules ?? []).flatMap(breakdownRule)))
  w.write(0, 'PolicyRule:\n')
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n')
  w.write(1, '---------\t-----------------\t--------------\t-----\n')
  for (const r of rules) {
    w.write(1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`)
  }
  return w.toString()
}

/** A RoleBinding or a ClusterRoleBinding: the role it grants and to whom. */
export function describeRoleBinding(binding: Obj & Partial<Pick<RoleBinding, 'roleRef' | 'subjects'>>): string {
  const w = new PrefixWriter()
  header(w, binding)
  w.write(0, 'Role:\n')
  w.write(1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`)
  w.write(1, `Name:\t${binding.roleRef?.name ?? ''}\n`)
  w.write(0, 'Subjects:\n')
  w.write(1, 'Kind\tName\tNamespace\n')
  w.write(1, '----\t----\t---------\n')
  for (const s of binding.subjects ?? []) w.write(1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`)
  return w.toString()
}
