// kubectl explain against the real kubectl: the lab's own discovery and OpenAPI v3 documents (fetched with
// `kubectl get --raw` from the lab) are replayed by a small HTTP server in a child process, and the real
// kubectl (whose explain template is the same from v1.32 to v1.35: pkg/explain/v2/templates/plaintext.tmpl)
// renders them. Output, errors and exit codes must be the lab's, byte for byte. One bash run for all cases.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from '../../../app/lab'
import { requireTools } from '../../testing/realTools'
import { REAL_KUBECTL, type BatchResult } from '../testing/batch'
import { bothSides, rawOf, replayLab, type Replay } from '../testing/replay'

const CASES = [
  'pods', 'pod.spec', 'pods.spec.containers', 'pod.spec.serviceAccountName', 'pod.spec.automountServiceAccountToken', 'pod.metadata.labels',
  'pods.spec.volumes.projected.sources.serviceAccountToken', 'serviceaccounts', 'sa.automountServiceAccountToken', 'secret.data',
  'nodes.status.capacity', 'svc.spec.ports', 'endpointslices', 'roles.rbac.authorization.k8s.io.rules.verbs', 'rolebinding.subjects',
  'clusterrole.aggregationRule', 'tokenreviews.spec', 'tokenreview.status.user', 'sa --recursive', 'pod.spec.securityContext --recursive',
  'pods.foo.bar', 'pods.spec.foo', 'pods.spec.containers[0]', 'foo', '', 'pods nodes', 'pods --output=yaml', 'pods --api-version=v2',
  'pods --recursive=maybe', 'Pod.spec.nodeName', 'events --api-version=events.k8s.io/v1', 'events.regarding --api-version=events.k8s.io/v1',
  'events.events.k8s.io', 'leases.spec', 'lease.spec.renewTime --recursive', 'PO', 'Pods.spec.nodeName', 'SA', 'roles.rbac', 'roles.rba',
].map((c) => c.split(' ').filter(Boolean))

describe.sequential('kubectl explain against the real kubectl on the lab\'s documents', () => {
  let lab: Lab
  let replay: Replay
  let sides: { ours: BatchResult[]; real: BatchResult[] }

  beforeAll(async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    lab = await createLab({ seed: 'explain' })
    // the OpenAPI v3 index, and each document it names
    const index = await rawOf(lab, '/openapi/v3')
    const docs = (Object.values(JSON.parse(index).paths) as { serverRelativeURL: string }[]).map((d) => d.serverRelativeURL)
    const documents: Record<string, string> = {}
    for (const url of docs) documents[url.split('?')[0]] = await rawOf(lab, url)
    replay = await replayLab(lab, ['/openapi/v3'], documents)
    sides = await bothSides(lab, replay, CASES.map((c) => ['explain', ...c]))
  }, 300_000)

  afterAll(() => replay?.close())

  it.each(CASES.map((c, i) => [c.join(' '), i] as const))('kubectl explain %s', (_, i) => {
    expect(sides.ours[i]).toEqual(sides.real[i])
  })
})
