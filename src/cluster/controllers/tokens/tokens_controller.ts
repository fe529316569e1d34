// Legacy service-account token Secrets (type kubernetes.io/service-account-token): the tokens
// controller fills them with token, ca.crt and namespace, and deletes them with their ServiceAccount.
// Imitates: pkg/controller/serviceaccount/tokens_controller.go
// Not built yet (next issue): the controller manager already starts it, so it only needs a body.

import type { ClusterContext } from '../../context'

export const TOKENS_SYNC = 'tokens-controller.sync'

export function startTokensController(_ctx: ClusterContext): void {
  // next issue: watch secrets of type kubernetes.io/service-account-token and serviceaccounts
}
