// Who is a node: a user named `system:node:<name>` in the group `system:nodes`.
// Imitates: pkg/auth/nodeidentifier/default.go (NewDefaultNodeIdentifier, NodeIdentity)

import type { UserInfo } from '../types'

export const NODE_USER_PREFIX = 'system:node:'
export const NODES_GROUP = 'system:nodes'

/** The node's name and whether the user is a node at all (the name may be empty). */
export function nodeIdentity(user: Pick<UserInfo, 'username' | 'groups'>): { name: string; isNode: boolean } {
  if (!user.username.startsWith(NODE_USER_PREFIX)) return { name: '', isNode: false }
  if (!user.groups.includes(NODES_GROUP)) return { name: '', isNode: false }
  return { name: user.username.slice(NODE_USER_PREFIX.length), isNode: true }
}
