// Starts the controllers the lab runs, as kube-controller-manager starts its enabled controllers.
// Imitates: cmd/kube-controller-manager/app/controllermanager.go (NewControllerDescriptors)

import type { ClusterContext } from '../context'
import { startNamespaceController } from './namespace/namespaceController'
import { startRootCACertPublisher } from './rootcacertpublisher/publisher'
import { startServiceAccountsController } from './serviceaccount/serviceaccountsController'
import { startTokensController } from './tokens/tokensController'

export function startControllers(ctx: ClusterContext): void {
  startNamespaceController(ctx)
  startServiceAccountsController(ctx)
  startTokensController(ctx)
  startRootCACertPublisher(ctx)
}
