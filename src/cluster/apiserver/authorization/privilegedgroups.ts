// The super-user authorizer: members of system:masters may do anything.
// Imitates: k8s.io/apiserver/pkg/authorization/authorizerfactory/builtin.go (NewPrivilegedGroups)

import type { Authorizer } from './authorizer'

export const SYSTEM_PRIVILEGED_GROUP = 'system:masters'

export function privilegedGroupsAuthorizer(groups: string[] = [SYSTEM_PRIVILEGED_GROUP]): Authorizer {
  return {
    name: 'PrivilegedGroups',
    authorize(a) {
      return a.user.groups.some((g) => groups.includes(g))
        ? { decision: 'Allow', reason: '' }
        : { decision: 'NoOpinion', reason: '' }
    },
  }
}
