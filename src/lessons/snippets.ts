// Command lines the lessons share, written once.

export const NS = 'sa-demo'
export const IMAGE = 'registry.k8s.io/e2e-test-images/agnhost:2.45'
export const TOKEN_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/token'

/** `kubectl run` of a pod that sleeps, with optional spec overrides (JSON). */
export const runPod = (name: string, overrides?: string) =>
  `kubectl -n ${NS} run ${name} --image=${IMAGE}${overrides ? ` --overrides='${overrides}'` : ''} --command -- sleep 100000`

export const waitReady = (name: string) => `kubectl -n ${NS} wait --for=condition=Ready pod/${name}`

/** List the namespace's pods with the token in $VAR, printing only the status code. */
export const curlStatus = (variable: string) =>
  `curl -s -o /dev/null -w "HTTP %{http_code}\\n" --cacert ca.pem -H "Authorization: Bearer $${variable}" https://$APISERVER/api/v1/namespaces/${NS}/pods`

export const decode = (variable: string) => `echo $${variable} | cut -d. -f2 | base64 -d | python3 -m json.tool`

export const readPodToken = (pod: string) => `kubectl -n ${NS} exec ${pod} -- cat ${TOKEN_FILE}`
