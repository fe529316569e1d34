// Test helper: small kubeconfigs for kubectl's client tests.

/**
 * A kubeconfig of one context `c` that uses cluster `k` (at `server`) and user `u`, with these lines under
 * each (`{}` for a user without any).
 */
export const kubeconfigOf = (server: string, cluster: string[], user: string[]) => `apiVersion: v1
clusters:
- cluster:
    server: ${server}
${cluster.map((l) => `    ${l}\n`).join('')}  name: k
contexts:
- context:
    cluster: k
    user: u
  name: c
current-context: c
kind: Config
users:
- name: u
  user:
${user.map((l) => `    ${l}\n`).join('') || '    {}\n'}`
