// Lesson: tokens without pods: kubectl create token and what --duration, --audience and
// --bound-object-* change in the claims and in whether the API server accepts the token.

import type { Lesson } from './types'
import { allOf, claimChecks, podGone, podRunning, requestWithToken, variableToken } from './checks'
import { curlStatus, decode, NS, runPod, waitReady } from './snippets'

const SA = `system:serviceaccount:${NS}:robot`
const boundToken = `P=$(kubectl -n ${NS} create token robot --bound-object-kind=Pod --bound-object-name=worker)`

export const createToken: Lesson = {
  id: 'create-token',
  title: 'Tokens without pods: kubectl create token',
  summary: 'Ask the TokenRequest API yourself, and see what lifetime, audience and binding do to a token.',
  start: [`kubectl create namespace ${NS}`, `kubectl -n ${NS} create serviceaccount robot`],
  steps: [
    {
      title: 'A token on request',
      text: `The lab made namespace \`${NS}\` and a ServiceAccount \`robot\`. Ask for a token for it and read the claims.

\`\`\`sh
T=$(kubectl -n ${NS} create token robot)
${decode('T')}
\`\`\`

Without options it lives **one hour** and names only the ServiceAccount: no pod, no node.`,
      task: { goal: '$T holds a one-hour token of robot.', checks: [variableToken('T', `a one-hour token of ${SA}`, allOf(claimChecks.subject(SA), claimChecks.lifetime(3600)))] },
      hints: ['`kubectl create token NAME` prints the token; `T=$(...)` keeps it.'],
      solution: [`T=$(kubectl -n ${NS} create token robot)`, decode('T')],
      focus: { panel: 'decoder', variable: 'T' },
    },
    {
      title: 'Pick the lifetime',
      text: `\`--duration\` sets how long the token lives. Ten minutes is the shortest the API server hands out.

\`\`\`sh
S=$(kubectl -n ${NS} create token robot --duration=10m)
${decode('S')}
\`\`\`

Compare \`exp\` and \`iat\`: 600 seconds apart.`,
      task: { goal: '$S holds a ten-minute token.', checks: [variableToken('S', 'a token that lives 600 seconds', claimChecks.lifetime(600))] },
      hints: ['`--duration=10m`'],
      solution: [`S=$(kubectl -n ${NS} create token robot --duration=10m)`, decode('S')],
      focus: { panel: 'timeline', variable: 'S', mark: 'exp' },
    },
    {
      title: 'A token for someone else',
      text: `\`--audience\` says who the token is meant for. A token made for \`vault\` is not meant for the API server, and the API server says so.

\`\`\`sh
V=$(kubectl -n ${NS} create token robot --audience=vault)
${decode('V')}
${curlStatus('V')}
\`\`\``,
      task: {
        goal: '$V is for vault, and the API server refuses it.',
        checks: [variableToken('V', 'a token for audience vault', claimChecks.audience('vault')), requestWithToken('V', 401, { reason: 'audiences', what: 'a request with $V refused for its audience' })],
      },
      hints: ['`--audience=vault`', 'Send it with the `curl` line and read `lab audit 1`.'],
      solution: [`V=$(kubectl -n ${NS} create token robot --audience=vault)`, decode('V'), curlStatus('V')],
      focus: { panel: 'why', code: 401 },
    },
    {
      title: 'Tie it to a pod',
      text: `\`--bound-object-kind\` and \`--bound-object-name\` tie a token to an object. The pod has to run as the same ServiceAccount.

\`\`\`sh
${runPod('worker', '{"spec":{"serviceAccountName":"robot"}}')}
${waitReady('worker')}
${boundToken}
${decode('P')}
\`\`\`

The claims now name pod \`worker\` and its uid; the token lives one hour. \`--bound-object-uid\` pins one particular pod: if the uid does not match the pod of that name, no token is issued.`,
      task: { goal: '$P is bound to pod worker.', checks: [podRunning(NS, 'worker'), variableToken('P', 'a token bound to pod worker', claimChecks.boundToPod('worker'))] },
      hints: ['`serviceAccountName` goes in the pod spec through `--overrides`.', 'Binding to a pod of another ServiceAccount is refused.'],
      solution: [runPod('worker', '{"spec":{"serviceAccountName":"robot"}}'), waitReady('worker'), boundToken, decode('P')],
      focus: { panel: 'decoder', variable: 'P' },
    },
    {
      title: 'Gone with the pod',
      text: `Delete the pod and use the bound token.

\`\`\`sh
kubectl -n ${NS} delete pod worker
${curlStatus('P')}
lab audit 1
\`\`\`

Its \`exp\` is still far away, but the object it was tied to is gone, and so is the token's worth.`,
      task: { goal: 'Pod worker gone and $P refused.', checks: [podGone(NS, 'worker'), requestWithToken('P', 401, { reason: 'invalidated', what: 'a request with $P refused because its pod is gone' })] },
      hints: ['Delete the pod first, then `curl`.'],
      solution: [`kubectl -n ${NS} delete pod worker`, curlStatus('P'), 'lab audit 1'],
      focus: { panel: 'why', code: 401 },
    },
  ],
}
