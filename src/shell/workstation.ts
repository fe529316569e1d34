// The student's workstation as the article sets it up: /root with the cluster CA (ca.pem) and an
// admin kubeconfig laid out as kubeadm/kubectl write one, and APISERVER in the environment.

import type { BashStart } from './bashVariables'
import { ADMIN_CERT_PEM, ADMIN_KEY_PEM, CLUSTER_CA_PEM } from '../cluster/pki/fixed'
import { MemoryEnv } from './env'
import { MemoryFs } from './fs'
import { encodeBase64Text } from '../common/base64'
import { knownKubeconfig, type KubeconfigFile } from './kubectl/client'

export const HOME = '/root'
export const API_SERVER = '10.0.1.10:6443'

const b64 = encodeBase64Text

/** What adminKubeconfig's text parses to (workstation.test.ts holds the two together). */
export function adminKubeconfigDoc(): KubeconfigFile & Record<string, unknown> {
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': b64(CLUSTER_CA_PEM), server: `https://${API_SERVER}` }, name: 'kubernetes' }],
    contexts: [{ context: { cluster: 'kubernetes', user: 'admin' }, name: 'admin@kubernetes' }],
    'current-context': 'admin@kubernetes',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'admin', user: { 'client-certificate-data': b64(ADMIN_CERT_PEM), 'client-key-data': b64(ADMIN_KEY_PEM) } }],
  }
}

/** ~/.kube/config: keys in the order kubectl writes them (alphabetical, as the YAML marshaller does). */
export function adminKubeconfig(): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${b64(CLUSTER_CA_PEM)}
    server: https://${API_SERVER}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: admin
  name: admin@kubernetes
current-context: admin@kubernetes
kind: Config
preferences: {}
users:
- name: admin
  user:
    client-certificate-data: ${b64(ADMIN_CERT_PEM)}
    client-key-data: ${b64(ADMIN_KEY_PEM)}
`
}

/**
 * The terminal's bash: a login shell started by name (so $BASH is where PATH finds bash, as on
 * Debian 12), its parent the terminal's session process, the pid before its own.
 */
export const WORKSTATION_BASH: BashStart = { path: '/usr/bin/bash', ppid: 2186, interactive: true, raiseLevel: false }

export function createWorkstation(): { fs: MemoryFs; env: MemoryEnv } {
  const kubeconfig = adminKubeconfig()
  // kubectl finds its parsed form without the yaml parser (the same text always parses to it: workstation.test.ts)
  knownKubeconfig(kubeconfig, adminKubeconfigDoc())
  const fs = new MemoryFs({ [`${HOME}/ca.pem`]: CLUSTER_CA_PEM, [`${HOME}/.kube/config`]: kubeconfig }, HOME, HOME)
  const env = new MemoryEnv()
  const vars: [string, string][] = [
    ['HOME', HOME],
    ['HOSTNAME', 'workstation'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['PWD', HOME],
    ['SHELL', '/bin/bash'],
    ['TERM', 'xterm-256color'],
    ['USER', 'root'],
    ['APISERVER', API_SERVER],
  ]
  for (const [k, v] of vars) {
    env.set(k, v)
    env.export(k)
  }
  env.set('IFS', ' \t\n')
  return { fs, env }
}
