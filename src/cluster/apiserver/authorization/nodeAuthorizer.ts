// The Node authorizer: a kubelet (user system:node:<name>, group system:nodes) may read the
// secrets, config maps and service-account tokens of pods bound to its node, its own Node and
// lease, and what the system:node rules allow; otherwise it has no opinion, with the reason why.
// Imitates: plugin/pkg/auth/authorizer/node/node_authorizer.go (NodeAuthorizer.Authorize, v1.35:
// AuthorizeNodeWithSelectors locked on)

import { ruleAllows } from '../../rbac/rules'
import type { ObjectStore } from '../../store/store'
import type { Attributes, AuthorizationResult, Authorizer } from './authorizer'
import { hasPathFrom, type VertexType } from './nodeGraph'
import { nodeIdentity } from './nodeIdentifier'
import { NODE_RULES } from './nodeRules'
import { NODE_LEASE_NAMESPACE } from '../../leases'

const ALLOW: AuthorizationResult = { decision: 'Allow', reason: '' }
const noOpinion = (reason = ''): AuthorizationResult => ({ decision: 'NoOpinion', reason })
const noRelationship = (node: string) => noOpinion(`no relationship found between node '${node}' and this object`)

export function nodeAuthorizer(store: ObjectStore): Authorizer {
  /** authorize: a named object reachable from the node in the graph. */
  const graph = (node: string, type: VertexType, a: Attributes): AuthorizationResult => {
    if (!a.name) return noOpinion('No Object name found')
    return hasPathFrom(store, node, type, a.namespace ?? '', a.name) ? ALLOW : noRelationship(node)
  }

  const readNamespaced = (node: string, type: VertexType, a: Attributes): AuthorizationResult => {
    if (!['get', 'list', 'watch'].includes(a.verb)) return noOpinion('can only read resources of this type')
    if (a.subresource) return noOpinion('cannot read subresource')
    if (!a.namespace) return noOpinion('can only read namespaced object of this type')
    return graph(node, type, a)
  }

  const createToken = (node: string, a: Attributes): AuthorizationResult => {
    if (a.verb !== 'create' || !a.name) return noOpinion('can only create tokens for individual service accounts')
    if (a.subresource !== 'token') return noOpinion('can only create token subresource of serviceaccount')
    return graph(node, 'serviceaccount', a)
  }

  const pod = (node: string, a: Attributes): AuthorizationResult => {
    switch (a.subresource ?? '') {
      case '':
        if (a.verb === 'get') return graph(node, 'pod', a)
        // the lab's requests carry no field selector: a list or watch needs spec.nodeName=<node>
        if (a.verb === 'list' || a.verb === 'watch') return noOpinion('can only list/watch pods with spec.nodeName field selector')
        if (a.verb === 'create' || a.verb === 'delete') return ALLOW
        return noOpinion()
      case 'status':
        return a.verb === 'update' || a.verb === 'patch' ? ALLOW : noOpinion()
      case 'eviction':
        return a.verb === 'create' ? ALLOW : noOpinion()
      default:
        return noOpinion()
    }
  }

  const nodeObject = (node: string, a: Attributes): AuthorizationResult => {
    if (a.subresource === 'status') return a.verb === 'update' || a.verb === 'patch' ? ALLOW : noOpinion()
    if (a.subresource) return noOpinion()
    if (['create', 'update', 'patch'].includes(a.verb)) return ALLOW
    if (['get', 'list', 'watch'].includes(a.verb)) {
      if (!a.name) return noOpinion(`node '${node}' cannot read all nodes, only its own Node object`)
      if (a.name !== node) return noOpinion(`node '${node}' cannot read '${a.name}', only its own Node object`)
      return ALLOW
    }
    return noOpinion()
  }

  /** authorizeLease: its own lease in kube-node-lease (a create's name is NodeRestriction's to check). */
  const lease = (node: string, a: Attributes): AuthorizationResult => {
    if (!['get', 'create', 'update', 'patch', 'delete'].includes(a.verb)) return noOpinion('can only get, create, update, patch, or delete a node lease')
    if (a.namespace !== NODE_LEASE_NAMESPACE) return noOpinion(`can only access leases in the ${JSON.stringify(NODE_LEASE_NAMESPACE)} system namespace`)
    if (a.verb !== 'create' && a.name !== node) return noOpinion('can only access node lease with the same name as the requesting node')
    return ALLOW
  }

  return {
    name: 'Node',
    authorize(a) {
      const id = nodeIdentity(a.user)
      if (!id.isNode) return noOpinion()
      if (!id.name) return noOpinion(`unknown node for user ${JSON.stringify(a.user.username)}`)
      if (a.resourceRequest && (a.apiGroup ?? '') === '') {
        switch (a.resource) {
          case 'secrets': return readNamespaced(id.name, 'secret', a)
          case 'configmaps': return readNamespaced(id.name, 'configmap', a)
          case 'serviceaccounts': return createToken(id.name, a)
          case 'pods': return pod(id.name, a)
          case 'nodes': return nodeObject(id.name, a)
        }
      }
      if (a.resourceRequest && a.apiGroup === 'coordination.k8s.io' && a.resource === 'leases') return lease(id.name, a)
      // not subdivided: the static node rules
      return NODE_RULES.some((r) => ruleAllows(a, r)) ? ALLOW : noOpinion()
    },
  }
}
