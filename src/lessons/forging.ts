// Lesson: forging tokens: a changed payload, alg none, another audience and an expired token,
// each refused by the API server, with the reason in the audit record.

import type { Lesson } from './types'
import { requestWithToken } from './checks'
import { curlStatus, NS } from './snippets'

const claims = '{"aud":["https://10.0.1.10:6443"],"exp":1900000000,"iat":1779578850,"iss":"https://10.0.1.10:6443","jti":"f0f0f0f0-0000-4000-8000-000000000001","kubernetes.io":{"namespace":"kube-system","serviceaccount":{"name":"default","uid":"00000000-0000-4000-8000-000000000000"}},"nbf":1779578850,"sub":"system:serviceaccount:kube-system:default"}'
const fake = `FAKE=$(printf '%s' '${claims}' | base64 -w0 | tr '/+' '_-' | tr -d '=')`
const forged = 'FORGED=$(echo $G | cut -d. -f1).$FAKE.$(echo $G | cut -d. -f3)'
const none = `NONE=$(printf '%s' '{"alg":"none","typ":"JWT"}' | base64 -w0 | tr -d '=').$(echo $G | cut -d. -f2).`

export const forging: Lesson = {
  id: 'forging',
  title: 'Forging tokens',
  summary: 'Change a token, strip its signature, aim it elsewhere or let it expire: the API server refuses each, and says why.',
  start: [`kubectl create namespace ${NS}`, `G=$(kubectl -n ${NS} create token default)`],
  steps: [
    {
      title: 'Claim to be someone else',
      text: `\`$G\` holds a genuine token of \`${NS}:default\`. Write claims of your own (a ServiceAccount of \`kube-system\`), encode them, and put them between the real header and the real signature.

\`\`\`sh
${fake}
${forged}
${curlStatus('FORGED')}
lab audit 1
\`\`\`

The signature was made over the old claims; the API server checks it with the cluster's public key and finds it wrong.`,
      task: { goal: 'The forged token refused.', checks: [requestWithToken('FORGED', 401, { what: 'a request with $FORGED refused' })] },
      hints: ['A JWT is header.payload.signature, each part base64url without `=`.', '`tr \'/+\' \'_-\'` turns base64 into base64url.'],
      solution: [fake, forged, curlStatus('FORGED'), 'lab audit 1'],
      focus: { panel: 'why', code: 401 },
    },
    {
      title: 'No signature at all',
      text: `Some JWT libraries once accepted \`"alg": "none"\` and an empty signature. Try it:

\`\`\`sh
${none}
${curlStatus('NONE')}
lab audit 1
\`\`\`

The API server only accepts the algorithms of its keys.`,
      task: { goal: 'The unsigned token refused.', checks: [requestWithToken('NONE', 401, { what: 'a request with $NONE refused' })] },
      hints: ['Keep the real payload, change the header, leave the signature empty (the token ends with a dot).'],
      solution: [none, curlStatus('NONE'), 'lab audit 1'],
      focus: { panel: 'why', variable: 'NONE' },
    },
    {
      title: 'Right signature, wrong audience',
      text: `A real token, signed by the cluster, but made for someone else:

\`\`\`sh
A=$(kubectl -n ${NS} create token default --audience=vault)
${curlStatus('A')}
lab audit 1
\`\`\``,
      task: { goal: '$A refused for its audience.', checks: [requestWithToken('A', 401, { reason: 'audiences', what: 'a request with $A refused for its audience' })] },
      hints: ['`--audience=vault`'],
      solution: [`A=$(kubectl -n ${NS} create token default --audience=vault)`, curlStatus('A'), 'lab audit 1'],
      focus: { panel: 'why', variable: 'A' },
    },
    {
      title: 'Too late',
      text: `A real token for the right audience, used after it expired (and after the minute of leeway):

\`\`\`sh
E=$(kubectl -n ${NS} create token default --duration=10m)
lab advance 12m
${curlStatus('E')}
lab audit 1
\`\`\``,
      task: { goal: '$E refused as expired.', checks: [requestWithToken('E', 401, { reason: 'expired', what: 'a request with $E refused as expired' })] },
      hints: ['`--duration=10m`, then `lab advance 12m`.'],
      solution: [`E=$(kubectl -n ${NS} create token default --duration=10m)`, 'lab advance 12m', curlStatus('E'), 'lab audit 1'],
      focus: { panel: 'why', variable: 'E' },
    },
  ],
}
