// kubectl config: a session of views and edits of one kubeconfig, run by the real kubectl (one bash process) and by
// the lab on its own copy; every step's output and the file afterwards must match.

import { describe, expect, it } from 'vitest'
import { FakeLab, fakeFs, runKubectl } from '../testing/fake'
import { REAL_KUBECTL, batchKubectl } from '../testing/batch'
import { requireTools } from '../../testing/realTools'

const CONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: QUJD
    server: https://10.0.1.10:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: admin
  name: admin@kubernetes
current-context: admin@kubernetes
users:
- name: admin
  user:
    client-certificate-data: QUJD
    client-key-data: QUJD
`
const CAT = ['config', 'view', '--raw']
const CASES: string[][] = [
  ['config', 'view'],
  ['config', 'foo'],
  ['config', 'foo', 'bar'],
  ['config', 'view', '--minify'],
  ['config', 'view', '--raw'],
  ['config', 'view', '-o', 'json'],
  ['config', 'view', '-o', 'jsonpath={.users[*].name}'],
  ['config', 'current-context'],
  ['config', 'get-contexts'],
  ['config', 'set-credentials', 'robot', '--token=eyJhbGciOiJSUzI1NiJ9.e30.c2ln'],
  ['config', 'set-context', 'robot', '--cluster=kubernetes', '--user=robot', '--namespace=sa-demo'],
  CAT,
  ['config', 'view'],
  ['config', 'get-contexts'],
  ['config', 'get-contexts', 'robot'],
  ['config', 'get-contexts', 'nope'],
  ['config', 'get-contexts', '-o', 'name'],
  ['config', 'get-contexts', '--no-headers'],
  ['config', 'get-contexts', '-o', 'wide'],
  ['config', 'set-context'],
  ['config', 'use-context'],
  // set-cluster's own --server has no -s: the global shorthand is gone with it
  ['config', 'set-cluster', 'x', '-s', 'http://a'],
  ['config', 'get-users'],
  ['config', 'get-clusters'],
  ['config', 'use-context', 'nope'],
  ['config', 'use-context', 'robot'],
  ['config', 'current-context'],
  ['config', 'view', '--minify'],
  ['config', 'set-context', '--current', '--namespace=default'],
  ['config', 'set-context', 'robot', '--namespace=sa-demo'],
  ['config', 'set-cluster', 'other', '--server=https://10.0.1.11:6443'],
  ['config', 'rename-context', 'robot', 'bot'],
  CAT,
  ['config', 'delete-context', 'nope'],
  ['config', 'delete-context', 'bot'],
  // the current context is gone: ConfirmUsable refuses the configuration
  ['get', 'pods'],
  ['config', 'delete-user', 'robot'],
  ['config', 'delete-cluster', 'other'],
  ['config', 'current-context'],
  CAT,
  ['config', 'view', '--minify'],
]

describe('kubectl config', () => {
  it('matches the real kubectl step by step', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const real = batchKubectl(CASES, { config: CONFIG }, { KUBECONFIG: 'config' })
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    const fs = fakeFs({ '/root/.kube/config': CONFIG })
    for (let i = 0; i < CASES.length; i++) {
      const ours = await runKubectl(lab, CASES[i], { fs })
      const mine = { ...ours, stdout: ours.stdout.replaceAll('/root/.kube/config', 'config'), stderr: ours.stderr.replaceAll('/root/.kube/config', 'config') }
      expect({ case: CASES[i].join(' '), ...mine }).toEqual({ case: CASES[i].join(' '), ...real[i] })
    }
  }, 120_000)
})
