import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { jsonPathAsJson, parseJsonPath, runJsonPath } from './index'
import { podYaml } from '../testdata/pod'
import { namespaceActiveYaml } from '../testdata/namespaceActive'

const pod = YAML.parse(podYaml)
const ns = YAML.parse(namespaceActiveYaml)
const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [pod, { ...pod, metadata: { ...pod.metadata, name: 'web' } }] }

const out = (tmpl: string, data: unknown = pod) => {
  const r = runJsonPath(tmpl, data)
  if (!r.ok) throw new Error(r.error)
  return r.text
}
const err = (tmpl: string, data: unknown = pod, allowMissingKeys = true) => {
  const r = runJsonPath(tmpl, data, { allowMissingKeys })
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.text)}`)
  return r.error
}
const reason = (e: string) => /Error executing template: (.*)\. Printing more/.exec(e)?.[1]

describe('JSONPath syntax (kubernetes.md §10.1)', () => {
  it.each([
    ['.metadata.name', '.metadata.name'],
    ['{.metadata.name}', 'app'],
    ['name: {.metadata.name}!', 'name: app!'],
    ['{$.metadata.name}', 'app'],
    ['{@.kind}', 'Pod'],
    ["{.metadata['name']}", 'app'],
    ["{.metadata.labels['run']}", 'app'],
    ['{.spec.containers[0].name}', 'app'],
    ['{.status.conditions[-1].type}', 'PodScheduled'],
    ['{.status.conditions[:2].type}', 'PodReadyToStartContainers Initialized'],
    ['{.status.conditions[::2].type}', 'PodReadyToStartContainers Ready PodScheduled'],
    ['{.status.conditions[-1:].type}', 'PodScheduled'],
    ['{.status.conditions[1:3].type}', 'Initialized Ready'],
    ['{.status.conditions[0,2].type}', 'PodReadyToStartContainers Ready'],
    ["{.metadata['name','namespace']}", 'app sa-demo'],
    ['{.spec.containers[*].name}', 'app'],
    ['{.status.hostIPs[*].ip}', '172.18.0.3'],
    ['{.spec.containers[*].command}', '["sleep","100000"]'],
    ['{.spec.containers[0].command[*]}', 'sleep 100000'],
    ['{.metadata.labels.*}', 'app'],
    ['{..fieldPath}', 'metadata.namespace'],
    ['{...fieldPath}', 'metadata.namespace'],
    ['{..mountPath}', '/var/run/secrets/kubernetes.io/serviceaccount /var/run/secrets/kubernetes.io/serviceaccount'],
    ['{.status.conditions[?(@.type=="Ready")].status}', 'True'],
    ["{.status.conditions[?(@.type!='Ready')].type}", 'PodReadyToStartContainers Initialized ContainersReady PodScheduled'],
    ['{.spec.tolerations[?(@.tolerationSeconds>=300)].key}', 'node.kubernetes.io/not-ready node.kubernetes.io/unreachable'],
    ['{.spec.tolerations[?(@.tolerationSeconds<300)].key}', ''],
    ['{.spec.tolerations[?(@.tolerationSeconds>299)].effect}', 'NoExecute NoExecute'],
    ['{.spec.tolerations[?(@.tolerationSeconds<=300)].operator}', 'Exists Exists'],
    ['{.spec.volumes[?(@.projected)].name}', 'kube-api-access-7xk2p'],
    ['{.status.containerStatuses[?(@.ready==true)].name}', 'app'],
    ['{.status.containerStatuses[?(@.user.linux.uid==0)].name}', 'app'],
    ['{range .status.conditions[*]}{.type}={.status}{"\\n"}{end}',
      'PodReadyToStartContainers=True\nInitialized=True\nReady=True\nContainersReady=True\nPodScheduled=True\n'],
    ['{range .spec.containers[*]}{.name}:{range .volumeMounts[*]}{.name},{end};{end}', 'app:kube-api-access-7xk2p,;'],
    ['{.metadata.name}{"\\t"}{.metadata.namespace}', 'app\tsa-demo'],
    ["{'x'}{\"y\"}", 'xy'],
    ['{5}', '5'],
    ['{true}', 'true'],
    ['{.status.containerStatuses[0].lastState}', '{}'],
    ['{.status.conditions[0].lastProbeTime}', 'null'],
    ['{.spec.priority}', '0'],
    ['{.spec.containers[0].resources}', '{}'],
    ['{.metadata.nope}', ''],
    ['{.metadata.nope.deeper}', ''],
    ['{.spec.containers[0].name.*}', '97 112 112'],
  ])('%s', (tmpl, want) => {
    expect(out(tmpl)).toBe(want)
  })

  it('prints the article query: a filter over a list, then a field, as compact JSON with sorted keys', () => {
    expect(out('{.spec.volumes[?(@.projected)].projected.sources}')).toBe(
      '[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},' +
        '{"configMap":{"items":[{"key":"ca.crt","path":"ca.crt"}],"name":"kube-root-ca.crt"}},' +
        '{"downwardAPI":{"items":[{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"},"path":"namespace"}]}}]',
    )
  })

  it('reads escaped dots in a field name', () => {
    expect(out('{.metadata.labels.kubernetes\\.io/metadata\\.name}', ns)).toBe('sa-demo')
  })

  it('ranges over a list', () => {
    expect(out('{range .items[*]}{.metadata.name}{"\\n"}{end}', list)).toBe('app\nweb\n')
    expect(out('{.items[*].metadata.name}', list)).toBe('app web')
    expect(out('{range .items[*]}[{.metadata.name}]{end} after', list)).toBe('[app][web] after')
  })

  it('jsonpath-as-json prints each action as an indented array', () => {
    const r = jsonPathAsJson('{.metadata.name}{.spec.containers[0].command}', pod)
    expect(r).toEqual({ ok: true, text: '[\n    "app"\n]\n[\n    [\n        "sleep",\n        "100000"\n    ]\n]\n' })
  })
})

describe('JSONPath errors (kubernetes.md §10.3-10.4)', () => {
  it.each([
    ['{.metadata.name', 'unclosed action'],
    ['{.spec.containers[', 'unterminated array'],
    ['{.spec.containers[?(@.x}', 'unterminated filter'],
    ['{.spec.containers[?(@.x==1)}', 'unclosed array expect ]'],
    ['{.spec.containers[x]}', 'invalid array index x'],
    ['{.spec.containers["app"]}', 'invalid array index "app"'],
    ['{.spec.containers[1:x]}', 'invalid array index 1:x'],
    ['{"abc}', 'unterminated quoted string'],
    ['{!}', "unrecognized character in action: U+0021 '!'"],
    ['{....name}', 'invalid multiple recursive descent'],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
  ])('parse error %s', (tmpl, why) => {
    expect(err(tmpl)).toBe(`error parsing jsonpath ${tmpl}, ${why}`)
    const p = parseJsonPath(tmpl)
    expect(p.ok).toBe(false)
  })

  it.each([
    ['{hello}', 'unrecognized identifier hello'],
    ['{end}', 'not in range, nothing to end'],
    ['{.spec[0]}', 'map[string]interface {} is not array or slice'],
    ['{.metadata.name[0]}', 'string is not array or slice'],
    ['{.spec.containers[5]}', 'array index out of bounds: index 5, length 1'],
    ['{.spec.containers[0:3]}', 'array index out of bounds: index 2, length 1'],
    ['{.spec.containers[::0]}', 'step must be > 0'],
    ['{.spec.containers[?(@.name<>"app")]}', 'unrecognized filter operator <>'],
    ['{.status.containerStatuses[?(@.user.linux.supplementalGroups[*]==0)]}', 'can only compare one element at a time'],
    ['{.spec.tolerations[?(@.tolerationSeconds=="300")]}', 'incompatible types for comparison'],
    ['{.spec.tolerations[?(@.tolerationSeconds==300.0)]}', 'incompatible types for comparison'],
    ['{.status.conditions[?(@.lastProbeTime=="x")]}', 'invalid type for comparison'],
    ['{.spec[?(@.x)]}', 'map[containers:[map[command:[sleep 100000] image:registry.k8s.io/e2e-test-images/agnhost:2.45'],
    ['{.status.phase[?(@.x)]}', 'Running is not array or slice and cannot be filtered'],
  ])('execution error %s', (tmpl, why) => {
    expect(reason(err(tmpl))).toContain(why)
  })

  it('prints the template and the object kubectl gives the engine', () => {
    const small = { apiVersion: 'v1', kind: 'ConfigMap', data: { k: 'vé\n' }, n: null, i: [1, 2.5, true, null, {}] }
    expect(err('{.data[0]}', small)).toBe(
      'error executing jsonpath "{.data[0]}": Error executing template: map[string]interface {} is not array or slice. ' +
        'Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.data[0]}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"apiVersion":"v1", "data":map[string]interface {}{"k":"vé\\n"}, ' +
        '"i":[]interface {}{1, 2.5, true, interface {}(nil), map[string]interface {}{}}, "kind":"ConfigMap", "n":interface {}(nil)}\n\n\n',
    )
    const r = runJsonPath('{.data[0]}', small)
    expect(!r.ok && r.stderr.startsWith('error: error executing jsonpath')).toBe(true)
  })

  it('reports a missing key only when missing keys are not allowed', () => {
    expect(out('{.metadata.hello}')).toBe('')
    expect(reason(err('{.metadata.hello}', pod, false))).toBe('hello is not found')
  })
})
