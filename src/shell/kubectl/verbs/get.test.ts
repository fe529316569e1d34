import { describe, expect, it } from 'vitest'
import { FakeLab, notFound, runKubectl, words } from '../testing/fake'
import { cm, events, node, nsActive, nsTerm, pod, sa, sa2 } from '../testing/fixtures'

const list = (kind: string, items: object[]) => ({ kind: `${kind}List`, apiVersion: 'v1', metadata: { resourceVersion: '1300' }, items })
const strip = (o: Record<string, unknown>) => {
  const { apiVersion: _a, kind: _k, ...rest } = o
  void _a
  void _k
  return rest
}
const nodes = [{ ...node, metadata: { ...node.metadata, name: 'control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' }, creationTimestamp: '2026-11-29T14:25:57Z' } }, node]

function lab(now = '2026-11-29T15:38:59Z') {
  return new FakeLab(
    {
      'GET /api/v1/namespaces/sa-demo/pods': list('Pod', [strip(pod)]),
      'GET /api/v1/namespaces/default/pods': list('Pod', []),
      'GET /api/v1/pods': list('Pod', [strip(pod)]),
      'GET /api/v1/namespaces/sa-demo/pods/app': pod,
      'GET /api/v1/namespaces/sa-demo/pods/nope': notFound('pods', 'nope'),
      'GET /api/v1/namespaces/sa-demo/serviceaccounts': list('ServiceAccount', [strip(sa2), strip(sa)]),
      'GET /api/v1/namespaces/sa-demo/configmaps': list('ConfigMap', [strip(cm)]),
      'GET /api/v1/namespaces/sa-demo/secrets': list('Secret', []),
      'GET /api/v1/namespaces/sa-demo/events': list('Event', events.map(strip)),
      'GET /api/v1/namespaces': list('Namespace', [strip(nsActive)]),
      'GET /api/v1/namespaces/sa-demo': nsTerm,
      'GET /api/v1/nodes': list('Node', nodes.map(strip)),
    },
    now,
  )
}

const get = async (line: string, l = lab()) => runKubectl(l, words(line))

describe('kubectl get tables', () => {
  it('prints pods as the reference (§9), with -o wide', async () => {
    expect((await get('get pods -n sa-demo')).stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\napp    1/1     Running   0          7m2s\n')
    expect((await get('get pods -n sa-demo -o wide')).stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE    IP           NODE       NOMINATED NODE   READINESS GATES\n' +
        'app    1/1     Running   0          7m2s   10.244.1.5   worker-0   <none>           <none>\n',
    )
  })
  it('adds NAMESPACE with -A and asks the cluster-wide path', async () => {
    const l = lab()
    const r = await get('get po -A', l)
    expect(r.stdout).toBe('NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\nsa-demo     app    1/1     Running   0          7m2s\n')
    expect(l.requests.at(-1)?.path).toBe('/api/v1/pods?limit=500')
  })
  it('prints ServiceAccounts without SECRETS (1.35), ConfigMaps and namespaces', async () => {
    const l = lab('2026-11-29T15:38:59Z')
    expect((await get('get sa -n sa-demo', l)).stdout).toBe('NAME          AGE\nbuild-robot   2m2s\ndefault       12m\n')
    expect((await get('get cm -n sa-demo', l)).stdout).toBe('NAME               DATA   AGE\nkube-root-ca.crt   1      12m\n')
    expect((await get('get ns', l)).stdout).toBe('NAME      STATUS   AGE\nsa-demo   Active   12m\n')
    expect((await get('get namespace sa-demo', l)).stdout).toBe('NAME      STATUS        AGE\nsa-demo   Terminating   12m\n')
  })
  it('prints events as the reference (§7)', async () => {
    const r = await get('get events -n sa-demo', lab('2026-11-29T15:38:59.5Z'))
    expect(r.stdout).toBe(
      'LAST SEEN   TYPE     REASON      OBJECT    MESSAGE\n' +
        '7m2s        Normal   Scheduled   pod/app   Successfully assigned sa-demo/app to worker-0\n' +
        '7m1s        Normal   Pulling     pod/app   Pulling image "registry.k8s.io/e2e-test-images/agnhost:2.45"\n' +
        '6m58s       Normal   Pulled      pod/app   Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.45" in 2.853s (2.853s including waiting). Image size: 51234567 bytes.\n' +
        '6m58s       Normal   Created     pod/app   Container created\n' +
        '6m58s       Normal   Started     pod/app   Container started\n',
    )
  })
  it('prints events -o wide with the columns in kubectl\'s order (printers.go eventColumnDefinitions)', async () => {
    const r = await get('get events -n sa-demo -o wide', lab('2026-11-29T15:38:59.5Z'))
    const [header, first] = r.stdout.split('\n')
    // Subobject and Source (priority 1) stand before Message; First Seen, Count and Name after it.
    expect(header.split(/ {2,}/)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'])
    expect(first.indexOf('Successfully assigned')).toBe(header.indexOf('MESSAGE'))
  })
  it('prints nodes and -o wide (§5)', async () => {
    const l = lab('2026-11-29T15:38:59Z')
    const r = await get('get nodes', l)
    expect(r.stdout).toBe('NAME            STATUS   ROLES           AGE   VERSION\ncontrol-plane   Ready    control-plane   73m   v1.35.0\nworker-0        Ready    <none>          72m   v1.35.0\n')
    const w = await get('get no -o wide', l)
    expect(w.stdout.split('\n')[0]).toBe(
      'NAME            STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME',
    )
    expect(w.stdout.split('\n')[2]).toBe(
      'worker-0        Ready    <none>          72m   v1.35.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-90-generic   containerd://2.2.0',
    )
  })
  it('prints several types with kind prefixes and a blank line between', async () => {
    const r = await get('get pods,sa -n sa-demo')
    expect(r.stdout).toBe(
      'NAME      READY   STATUS    RESTARTS   AGE\npod/app   1/1     Running   0          7m2s\n\n' +
        'NAME                         AGE\nserviceaccount/build-robot   2m2s\nserviceaccount/default       12m\n',
    )
  })
  it('shows labels, filters by selector, hides headers', async () => {
    expect((await get('get pods -n sa-demo --show-labels')).stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE    LABELS\napp    1/1     Running   0          7m2s   run=app\n',
    )
    expect((await get('get pods -n sa-demo -l run=other')).stderr).toBe('No resources found in sa-demo namespace.\n')
    expect((await get('get pods -n sa-demo --no-headers')).stdout).toBe('app   1/1   Running   0     7m2s\n')
  })
  // printers' formatLabelHeaders and labelValues: a column per key, headed by its last segment in
  // capitals, after the table's own columns and before LABELS; an empty cell where a label is missing
  it('-L adds a column per label key', async () => {
    expect((await get('get pods -n sa-demo -L run,tier')).stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE    RUN   TIER\napp    1/1     Running   0          7m2s   app   \n',
    )
    expect((await get('get pods -n sa-demo -L example.com/tier -L run --show-labels')).stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE    TIER   RUN   LABELS\napp    1/1     Running   0          7m2s          app   run=app\n',
    )
    expect((await get('get pods -n sa-demo -L run -o name')).stdout).toBe('pod/app\n')
  })
})

describe('kubectl get states', () => {
  const podWith = (status: object, meta: object = {}) => ({ ...pod, metadata: { ...pod.metadata, ...meta }, status: { ...pod.status, ...status } })
  it('derives ContainerCreating, Pending and Terminating', async () => {
    const creating = podWith({ phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] })
    const l = new FakeLab({ 'GET /api/v1/namespaces/sa-demo/pods/app': creating }, '2026-11-29T15:32:00Z')
    expect((await runKubectl(l, words('get pod app -n sa-demo'))).stdout).toBe('NAME   READY   STATUS              RESTARTS   AGE\napp    0/1     ContainerCreating   0          3s\n')
    l.routes['GET /api/v1/namespaces/sa-demo/pods/app'] = podWith({}, { deletionTimestamp: '2026-11-29T15:32:30Z' })
    expect((await runKubectl(l, words('get pod app -n sa-demo'))).stdout).toContain('app    1/1     Terminating   0          3s')
    l.routes['GET /api/v1/namespaces/sa-demo/pods/app'] = { ...pod, status: { phase: 'Pending', qosClass: 'BestEffort' } }
    expect((await runKubectl(l, words('get pod app -n sa-demo'))).stdout).toContain('app    0/1     Pending   0          3s')
  })
})

describe('kubectl get messages', () => {
  it('says No resources found, per namespace or cluster-wide', async () => {
    const r = await get('get pods')
    expect(r).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 })
    expect((await get('get secrets -n sa-demo')).stderr).toBe('No resources found in sa-demo namespace.\n')
  })
  it('prints NotFound from the server', async () => {
    expect(await get('get pod nope -n sa-demo')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 })
    expect(await get('get pod nope -n sa-demo -o yaml')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 })
    expect((await get('get pod nope -n sa-demo --ignore-not-found')).exitCode).toBe(0)
  })
  it('rejects unknown types, a missing type and bad -o values as kubectl does', async () => {
    expect((await get('get foo')).stderr).toBe('error: the server doesn\'t have a resource type "foo"\n')
    const r = await get('get')
    expect(r.stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    )
    expect((await get('get pods -o bogus')).stderr).toBe(
      'error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    )
  })
})

describe('kubectl get --watch', () => {
  /** The fixture pod as the watch sees it over time: Pending first, Running a second later (a new resourceVersion each), then deleted. */
  const at = (phase: string, rv: string, ready: boolean) => ({
    ...pod,
    metadata: { ...(pod.metadata as object), resourceVersion: rv },
    status: { ...(pod.status as object), phase, containerStatuses: [{ ...((pod.status as { containerStatuses: object[] }).containerStatuses[0]), ready, ...(ready ? {} : { state: { waiting: { reason: 'ContainerCreating' } } }) }] },
  })
  const other = { ...pod, metadata: { ...(pod.metadata as object), name: 'a-much-longer-name', uid: 'u-2', resourceVersion: '30' } }
  function watchLab(): FakeLab & { paces: number } {
    const lab = new FakeLab(
      {
        'GET /api/v1/namespaces/sa-demo/pods': () => {
          const t = lab.clock - Date.parse('2026-11-29T15:38:59Z')
          const items = t === 0 ? [at('Pending', '10', false)] : t === 1000 ? [at('Running', '20', true), other] : [other]
          return { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '40' }, items }
        },
      },
      '2026-11-29T15:38:59Z',
    ) as FakeLab & { paces: number; pace(ms: number): Promise<boolean> }
    lab.paces = 0
    // two refreshes, then Ctrl+C
    lab.pace = async () => ++lab.paces <= 2
    return lab
  }

  it('the list, then a row per change as the clock moves (widths remembered, header once), until Ctrl+C (status 1)', async () => {
    const lab = watchLab()
    const r = await runKubectl(lab, words('get pods -n sa-demo -w'))
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe(
      'NAME   READY   STATUS              RESTARTS   AGE\n' +
        'app    0/1     ContainerCreating   0          7m2s\n' +
        // a second later: the pod Running, and a new pod whose name widens the first column
        'app                  1/1     Running             0          7m3s\n' +
        'a-much-longer-name   1/1     Running             0          7m3s\n' +
        // then the first one is gone: its last state
        'app                  1/1     Running             0          7m4s\n',
    )
    expect(lab.paces).toBe(3)
  })

  it('where nothing paces it (a transcript), the list once and a note; other outputs and several types are refused', async () => {
    const lab = new FakeLab({ 'GET /api/v1/namespaces/sa-demo/pods': { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [pod] } }, '2026-11-29T15:38:59Z')
    const r = await runKubectl(lab, words('get pods -n sa-demo --watch'))
    expect(r.stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\napp    1/1     Running   0          7m2s\n')
    expect(r.stderr).toMatch(/^kubectl get --watch: the lab shows the list once here/)
    expect(r.exitCode).toBe(0)
    expect((await runKubectl(lab, words('get pods -n sa-demo --watch-only'))).stdout).toBe('')
    const json = await runKubectl(lab, ['-n', 'kube-system', 'get', 'pods', '-l', 'app in (a,b)', '-w', '-o', 'json'])
    expect(json.stderr).toBe("error: --watch with -o json is not available in this lab; `watch kubectl -n kube-system get pods -l 'app in (a,b)' -o json` shows it again every 2 seconds as the lab clock moves (Ctrl+C ends it)\n")
    expect((await runKubectl(lab, words('get pods,sa -w'))).stderr).toBe('error: you may only specify a single resource type\n')
  })
})
