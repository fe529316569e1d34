// Lesson: turning the token off with automountServiceAccountToken, on the pod and on the
// ServiceAccount, and which of the two wins.

import type { Lesson } from './types'
import { podHasToken, podRunning, serviceAccountExists } from './checks'
import { NS, runPod, waitReady } from './snippets'

const ls = (pod: string) => `kubectl -n ${NS} exec ${pod} -- ls /var/run/secrets/kubernetes.io/serviceaccount/`
const writeSa = `printf 'apiVersion: v1\\nkind: ServiceAccount\\nmetadata:\\n  name: quiet\\nautomountServiceAccountToken: false\\n' > quiet.yaml`
const onPod = '{"spec":{"automountServiceAccountToken":false}}'
const quietSa = '{"spec":{"serviceAccountName":"quiet"}}'
const bothSet = '{"spec":{"serviceAccountName":"quiet","automountServiceAccountToken":true}}'

export const automount: Lesson = {
  id: 'automount',
  title: 'Turning tokens off',
  summary: 'automountServiceAccountToken on the pod and on the ServiceAccount, and which one wins.',
  start: [`kubectl create namespace ${NS}`],
  steps: [
    {
      title: 'On the pod',
      text: `A pod can say it wants no token:

\`\`\`sh
${runPod('plain', onPod)}
${waitReady('plain')}
${ls('plain')}
\`\`\`

No projected token volume, so no folder.`,
      task: { goal: 'Pod plain running without a token.', checks: [podRunning(NS, 'plain'), podHasToken(NS, 'plain', false)] },
      hints: ['`automountServiceAccountToken: false` goes under `spec` in `--overrides`.'],
      solution: [runPod('plain', onPod), waitReady('plain'), ls('plain')],
    },
    {
      title: 'On the ServiceAccount',
      text: `Or the ServiceAccount can say it, for every pod that runs as it:

\`\`\`sh
${writeSa}
kubectl -n ${NS} apply -f quiet.yaml
${runPod('uses-quiet', quietSa)}
${waitReady('uses-quiet')}
${ls('uses-quiet')}
\`\`\``,
      task: { goal: 'ServiceAccount quiet turns tokens off, and its pod has none.', checks: [serviceAccountExists(NS, 'quiet', false), podRunning(NS, 'uses-quiet'), podHasToken(NS, 'uses-quiet', false)] },
      hints: ['`automountServiceAccountToken: false` sits at the top level of a ServiceAccount, not under spec.'],
      solution: [writeSa, `kubectl -n ${NS} apply -f quiet.yaml`, runPod('uses-quiet', quietSa), waitReady('uses-quiet'), ls('uses-quiet')],
    },
    {
      title: 'Both say something: the pod wins',
      text: `When the pod sets the field, its answer counts, whatever the ServiceAccount says.

\`\`\`sh
${runPod('insists', bothSet)}
${waitReady('insists')}
${ls('insists')}
\`\`\`

Pod \`insists\` runs as \`quiet\` and still gets its token.`,
      task: { goal: 'Pod insists runs as quiet with a token.', checks: [podRunning(NS, 'insists'), podHasToken(NS, 'insists', true)] },
      hints: ['Set both `serviceAccountName` and `automountServiceAccountToken: true` in the pod spec.'],
      solution: [runPod('insists', bothSet), waitReady('insists'), ls('insists')],
    },
  ],
}
