// Lesson: from 403 to 200: the pod's ServiceAccount is known but may do nothing, until a Role
// and a RoleBinding give it a right.

import type { Lesson } from './types'
import { requestWithToken, roleBindingFor } from './checks'
import { curlStatus, NS, readPodToken, runPod, waitReady } from './snippets'

const SA = `system:serviceaccount:${NS}:default`
const whoami = 'kubectl --kubeconfig=/dev/null --token="$TOK" --server=https://$APISERVER --certificate-authority=ca.pem auth whoami'
const canI = `kubectl -n ${NS} auth can-i list pods --as=${SA}`

export const rbac: Lesson = {
  id: 'rbac',
  title: 'From 403 to 200: RBAC for a ServiceAccount',
  summary: 'Give the pod\'s ServiceAccount the right to list pods with a Role and a RoleBinding.',
  start: [`kubectl create namespace ${NS}`, runPod('app'), waitReady('app'), `TOK=$(${readPodToken('app')})`],
  steps: [
    {
      title: 'Known, but not allowed',
      text: `Pod \`app\` runs in \`${NS}\`, and \`$TOK\` holds its token. Use it:

\`\`\`sh
${whoami}
${curlStatus('TOK')}
\`\`\`

\`auth whoami\` answers: the server knows this ServiceAccount. Listing pods still gets **403**.`,
      task: { goal: 'A request with $TOK answered 403.', checks: [requestWithToken('TOK', 403)] },
      hints: ['Run the `curl` line as it is.'],
      solution: [whoami, curlStatus('TOK')],
      focus: { panel: 'why', code: 403 },
    },
    {
      title: 'Ask before you try',
      text: `As the admin you can ask RBAC on someone's behalf:

\`\`\`sh
${canI}
\`\`\`

\`no\`: nothing grants it yet.`,
      hints: [],
      solution: [canI],
    },
    {
      title: 'A Role and a RoleBinding',
      text: `A **Role** lists what may be done in a namespace; a **RoleBinding** gives that Role to someone.

\`\`\`sh
kubectl -n ${NS} create role pod-reader --verb=get,list --resource=pods
kubectl -n ${NS} create rolebinding app-reads-pods --role=pod-reader --serviceaccount=${NS}:default
${canI}
\`\`\``,
      task: { goal: `A RoleBinding that names ServiceAccount ${NS}:default.`, checks: [roleBindingFor(NS, `${NS}:default`)] },
      hints: ['`--serviceaccount=NAMESPACE:NAME` names a ServiceAccount as the subject.'],
      solution: [`kubectl -n ${NS} create role pod-reader --verb=get,list --resource=pods`, `kubectl -n ${NS} create rolebinding app-reads-pods --role=pod-reader --serviceaccount=${NS}:default`, canI],
    },
    {
      title: '200',
      text: `Same token, same request:

\`\`\`sh
${curlStatus('TOK')}
lab audit 1
\`\`\`

The token did not change; the rules did. The audit record names the RoleBinding that allowed it.`,
      task: { goal: 'A request with $TOK answered 200.', checks: [requestWithToken('TOK', 200)] },
      hints: ['Run the `curl` line again.'],
      solution: [curlStatus('TOK'), 'lab audit 1'],
      focus: { panel: 'why', code: 200 },
    },
  ],
}
