// Starts the controllers the lab runs, as kube-controller-manager starts its enabled controllers.
// Imitates: cmd/kube-controller-manager/app/controllermanager.go (NewControllerDescriptors)

import type { ControllerClients } from '../client/inProcess'
import type { ClusterContext } from '../context'
import { startClusterRoleAggregationController } from './clusterroleaggregation/controller'
import { startNamespaceController } from './namespace/namespaceController'
import { startRootCACertPublisher } from './rootcacertpublisher/publisher'
import { startServiceAccountsController } from './serviceaccount/serviceaccountsController'
import { startTokensController } from './tokens/tokensController'

/** Each controller with the identity it has in a kubeadm cluster (see client/inProcess.ts). */
export function startControllers(ctx: ClusterContext, clients: ControllerClients): void {
  startNamespaceController(ctx, clients.serviceAccount('namespace-controller'))
  startServiceAccountsController(ctx, clients.serviceAccount('service-account-controller'))
  startTokensController(ctx)
  startRootCACertPublisher(ctx, clients.serviceAccount('root-ca-cert-publisher'))
  startClusterRoleAggregationController(ctx, clients.serviceAccount('clusterrole-aggregation-controller'))
}
