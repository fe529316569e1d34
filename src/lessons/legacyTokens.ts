// Lesson: a token kept in a Secret (the old way) against a bound token: no exp, no pod, valid
// until the Secret is deleted.

import type { Lesson } from './types'
import { claimChecks, legacyTokenSecret, requestWithToken, variableToken } from './checks'
import { curlStatus, decode, NS } from './snippets'

const writeSecret = `printf 'apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: robot-token\\n  annotations:\\n    kubernetes.io/service-account.name: robot\\ntype: kubernetes.io/service-account-token\\n' > legacy.yaml`
const readSecret = `L=$(kubectl -n ${NS} get secret robot-token -o jsonpath='{.data.token}' | base64 -d)`

export const legacyTokens: Lesson = {
  id: 'legacy-tokens',
  title: 'Secret tokens against bound tokens',
  summary: 'The old kind of token lives in a Secret and never expires; compare it with a bound one.',
  start: [`kubectl create namespace ${NS}`, `kubectl -n ${NS} create serviceaccount robot`],
  steps: [
    {
      title: 'Ask for a Secret token',
      text: `Since Kubernetes 1.24 nobody makes these for you, but you still can: a Secret of type \`kubernetes.io/service-account-token\` that names a ServiceAccount gets a token written into it.

\`\`\`sh
${writeSecret}
cat legacy.yaml
kubectl -n ${NS} apply -f legacy.yaml
kubectl -n ${NS} describe secret robot-token
\`\`\``,
      task: { goal: 'Secret robot-token with a token in it.', checks: [legacyTokenSecret(NS, 'robot-token')] },
      hints: ['The annotation `kubernetes.io/service-account.name` says whose token it is.'],
      solution: [writeSecret, `kubectl -n ${NS} apply -f legacy.yaml`, `kubectl -n ${NS} describe secret robot-token`],
    },
    {
      title: 'What it says, and what it does not',
      text: `Take the token out of the Secret and decode it.

\`\`\`sh
${readSecret}
${decode('L')}
\`\`\`

The issuer is \`kubernetes/serviceaccount\`; there is **no exp**, no audience, no pod. (\`base64\` complains because the part has no padding; the JSON still comes out.)`,
      task: { goal: '$L holds the legacy token.', checks: [variableToken('L', 'a legacy token without exp', claimChecks.legacy())] },
      hints: ['`-o jsonpath=\'{.data.token}\'` prints the base64 of the token; `base64 -d` turns it back.'],
      solution: [readSecret, decode('L')],
      focus: { panel: 'decoder', variable: 'L' },
    },
    {
      title: 'A year passes',
      text: `Take a bound token too, then let a year go by and try both.

\`\`\`sh
B=$(kubectl -n ${NS} create token robot)
lab advance 365d
${curlStatus('L')}
${curlStatus('B')}
\`\`\`

The Secret token still gets in (403: known, not allowed; the audit record marks it as legacy). The bound one expired long ago. (A controller retires auto-generated Secret tokens nobody used for a year; a Secret you made yourself, like this one, it leaves alone.)`,
      task: {
        goal: '$L still accepted, $B refused.',
        checks: [requestWithToken('L', 403, { annotation: 'authentication.k8s.io/legacy-token', what: 'a request with $L accepted a year later' }), requestWithToken('B', 401, { reason: 'expired', what: 'a request with $B refused as expired' })],
      },
      hints: ['`lab advance 365d`', 'Send each token with the `curl` line.'],
      solution: [`B=$(kubectl -n ${NS} create token robot)`, 'lab advance 365d', curlStatus('L'), curlStatus('B')],
      focus: { panel: 'why', variable: 'B' },
    },
    {
      title: 'The only off switch',
      text: `A leaked Secret token works until someone deletes the Secret.

\`\`\`sh
kubectl -n ${NS} delete secret robot-token
${curlStatus('L')}
lab audit 1
\`\`\``,
      task: { goal: 'Secret gone and $L refused.', checks: [legacyTokenSecret(NS, 'robot-token', false), requestWithToken('L', 401, { reason: 'invalidated', what: 'a request with $L refused once its Secret is gone' })] },
      hints: ['`kubectl delete secret robot-token`'],
      solution: [`kubectl -n ${NS} delete secret robot-token`, curlStatus('L'), 'lab audit 1'],
      focus: { panel: 'why', code: 401 },
    },
  ],
}
