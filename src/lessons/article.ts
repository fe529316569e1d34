// Lesson: the article end to end: the default ServiceAccount, the token the kubelet mounts,
// what it is bound to, and what happens to it when its pod goes away.

import type { Lesson } from './types'
import { namespaceExists, namespaceGone, podGone, podHasToken, podRunning, requestWithToken, serviceAccountExists, variableToken, claimChecks, allOf } from './checks'
import { curlStatus, decode, NS, readPodToken, runPod, waitReady } from './snippets'

const whoami = 'kubectl --kubeconfig=/dev/null --token="$TOK" --server=https://$APISERVER --certificate-authority=ca.pem auth whoami'

export const article: Lesson = {
  id: 'article',
  title: 'ServiceAccounts and bound tokens, end to end',
  summary: 'Where a pod gets its token, what the token is tied to, and why it stops working when the pod is gone.',
  start: [],
  steps: [
    {
      title: 'A namespace comes with an identity',
      text: `Make a namespace and list its ServiceAccounts. You did not create any, yet one is there: a controller adds a ServiceAccount called \`default\` to every new namespace.

\`\`\`sh
kubectl create namespace ${NS}
kubectl -n ${NS} get sa
\`\`\``,
      task: { goal: `Namespace ${NS} with its default ServiceAccount.`, checks: [namespaceExists(NS), serviceAccountExists(NS, 'default')] },
      hints: ['`kubectl create namespace NAME` makes the namespace.', 'The `default` ServiceAccount appears on its own a moment later.'],
      solution: [`kubectl create namespace ${NS}`, `kubectl -n ${NS} get sa`],
    },
    {
      title: 'A pod, and the files it finds',
      text: `Start a pod that names no ServiceAccount, so it runs as \`default\`. Once it runs, look in the folder where every pod finds its credentials.

\`\`\`sh
${runPod('app')}
${waitReady('app')}
kubectl -n ${NS} exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount/
kubectl -n ${NS} exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace
\`\`\`

Three files: **token** (a JWT for talking to the API server), **ca.crt** (to trust the server) and **namespace**.`,
      task: { goal: 'Pod app running, with a token mounted.', checks: [podRunning(NS, 'app'), podHasToken(NS, 'app', true)] },
      hints: ['`kubectl run` creates the pod; it starts Pending.', '`kubectl wait --for=condition=Ready pod/app` lets the lab clock run until the pod is up.'],
      solution: [runPod('app'), waitReady('app'), `kubectl -n ${NS} exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount/`],
    },
    {
      title: 'Nobody made a Secret',
      text: `Those files come from a volume the API server added to the pod when it was created. Print its sources:

\`\`\`sh
kubectl -n ${NS} get pod app -o jsonpath='{.spec.volumes[?(@.projected)].projected.sources}'
\`\`\`

- \`serviceAccountToken\` asks for a token valid for **3607 seconds**;
- \`configMap\` copies the cluster CA from \`kube-root-ca.crt\`;
- \`downwardAPI\` writes the pod's namespace.

The kubelet gets the token from the TokenRequest API and writes a fresh one before the old one runs out.

The volume never touches the node's disk. Ask the container what is mounted there:

\`\`\`sh
kubectl -n ${NS} exec app -- mount | grep serviceaccount
\`\`\`

A **tmpfs** (memory, sized to what the node can give pods), mounted **ro**: the container can read its token but not change it. The path reads \`/run/secrets/...\` because in this Alpine image \`/var/run\` is a link to \`/run\`.`,
      hints: [],
      solution: [`kubectl -n ${NS} get pod app -o jsonpath='{.spec.volumes[?(@.projected)].projected.sources}'`, `kubectl -n ${NS} exec app -- mount | grep serviceaccount`],
    },
    {
      title: 'Open the token',
      text: `Keep the token in a variable and decode its middle part, the claims.

\`\`\`sh
TOK=$(${readPodToken('app')})
${decode('TOK')}
\`\`\`

Look at \`kubernetes.io\`: it names the **pod** and the **node**, each with its uid. \`warnafter\` lies about an hour after \`iat\`; \`exp\` is a year away.`,
      task: { goal: '$TOK holds the token of pod app.', checks: [variableToken('TOK', 'a token bound to pod app', allOf(claimChecks.subject(`system:serviceaccount:${NS}:default`), claimChecks.boundToPod('app')))] },
      hints: ['`VAR=$(command)` keeps what a command prints.', `The token file is ${'`'}/var/run/secrets/kubernetes.io/serviceaccount/token${'`'} inside the pod.`],
      solution: [`TOK=$(${readPodToken('app')})`, decode('TOK')],
      focus: { panel: 'decoder', variable: 'TOK' },
    },
    {
      title: 'Known, but refused',
      text: `Call the API server with the token, then ask it who you are.

\`\`\`sh
${curlStatus('TOK')}
${whoami}
\`\`\`

**403** means the server knew the caller (the default ServiceAccount) and only refused the action: no RBAC rule lets it list pods. A bad token would get **401**.`,
      task: { goal: 'A request made with $TOK answered 403.', checks: [requestWithToken('TOK', 403)] },
      hints: ['Use the `curl` line: `-H "Authorization: Bearer $TOK"` sends the token.'],
      solution: [curlStatus('TOK'), whoami],
      focus: { panel: 'why', variable: 'TOK' },
    },
    {
      title: 'Delete the pod, keep the token',
      text: `Delete the pod and send the very same token again.

\`\`\`sh
kubectl -n ${NS} delete pod app
${curlStatus('TOK')}
\`\`\`

Now it is **401**: the token names the pod's uid, and the API server checks that this pod still exists. A stolen pod token is only good for as long as its pod lives.`,
      task: { goal: 'Pod app gone, and $TOK refused.', checks: [podGone(NS, 'app'), requestWithToken('TOK', 401, { reason: 'invalidated', what: 'a request with $TOK refused because its pod is gone' })] },
      hints: ['`kubectl delete pod app` waits until the pod is gone.', 'Then run the same `curl` line again.'],
      solution: [`kubectl -n ${NS} delete pod app`, curlStatus('TOK')],
      focus: { panel: 'why', code: 401 },
    },
    {
      title: 'No token at all',
      text: `A pod that never talks to the API server does not need a token. Ask for none:

\`\`\`sh
${runPod('app-notoken', '{"spec":{"automountServiceAccountToken":false}}')}
${waitReady('app-notoken')}
kubectl -n ${NS} exec app-notoken -- ls /var/run/secrets/kubernetes.io/serviceaccount/
\`\`\`

The folder is missing: nothing to leak.`,
      task: { goal: 'Pod app-notoken running without a token.', checks: [podRunning(NS, 'app-notoken'), podHasToken(NS, 'app-notoken', false)] },
      hints: ['`--overrides` merges JSON into the pod spec: `automountServiceAccountToken` goes under `spec`.'],
      solution: [runPod('app-notoken', '{"spec":{"automountServiceAccountToken":false}}'), waitReady('app-notoken'), `kubectl -n ${NS} exec app-notoken -- ls /var/run/secrets/kubernetes.io/serviceaccount/`],
    },
    {
      title: 'Clean up',
      text: `Deleting the namespace takes its pods and its ServiceAccount with it.

\`\`\`sh
kubectl delete namespace ${NS}
\`\`\``,
      task: { goal: `Namespace ${NS} deleted.`, checks: [namespaceGone(NS)] },
      hints: ['`kubectl delete namespace NAME`'],
      solution: [`kubectl delete namespace ${NS}`],
    },
  ],
}
