// The parts of the cluster built beside the core: the token signer, the TokenRequest handler and the kubelet.
// The core reaches them only through this module (so its tests can stand in for them).

export { createSigner, restoreSigner } from './serviceaccount/signer'
export type { TokenSigner, SignerState } from './serviceaccount/signer'
export { createTokenRequest } from './serviceaccount/tokenrequest'
export { Kubelet } from './kubelet/kubelet'
export type { TokenSchedule } from './kubelet/kubelet'
export { TOKEN_REFRESHES } from './kubelet/work'
