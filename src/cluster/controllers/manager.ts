// Starts the controllers the lab runs, as kube-controller-manager starts its enabled controllers.
// Imitates: cmd/kube-controller-manager/app/controllermanager.go (NewControllerDescriptors)

import type { ClusterContext } from '../context'
import { startNamespaceController } from './namespace/namespace_controller'
import { startRootCACertPublisher } from './rootcacertpublisher/publisher'
import { startServiceAccountsController } from './serviceaccount/serviceaccounts_controller'
import { startTokensController } from './tokens/tokens_controller'

export function startControllers(ctx: ClusterContext): void {
  startNamespaceController(ctx)
  startServiceAccountsController(ctx)
  startTokensController(ctx)
  startRootCACertPublisher(ctx)
}
