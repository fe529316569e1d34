// Differential tests: runJsonPath against the real kubectl's -o jsonpath (fails, naming it, when /usr/bin/kubectl is missing)

import { beforeAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { jsonPathAsJson, runJsonPath } from './index'
import { kubectlPrint, kubectlPrintAll, withLabel } from '../testdata/kubectlOracle'
import { podYaml } from '../testdata/pod'
import { namespaceTerminatingYaml } from '../testdata/namespaceTerminating'
import { configmapRootCaYaml } from '../testdata/configmapRootCa'

type Obj = Parameters<typeof kubectlPrint>[0]
const pod = withLabel(YAML.parse(podYaml) as Obj)
const ns = withLabel(YAML.parse(namespaceTerminatingYaml) as Obj)
const cm = withLabel(YAML.parse(configmapRootCaYaml) as Obj)
// kubectl label prints the items of a List one by one (and takes any top-level `items` for a list), so for
// kubectl the list rides in a ConfigMap as `.x.items`; ours also runs the original template on a real List.
const web = { ...pod, metadata: { ...(pod.metadata as object), name: 'web', namespace: 'default' } }
const items = [pod, web, ns, null]
const carrier = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'list', labels: { a: 'b' } }, x: { items } }
const realList = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items }
const data: Record<string, Obj> = { pod, ns, list: carrier as unknown as Obj, cm }
const forKubectl = (name: string, tmpl: string) => (name === 'list' ? tmpl.replace(/\.items\b/g, '.x.items') : tmpl)

// [object, template, compare the space-separated words as a set (Go ranges over maps in random order)]
const cases: [string, string, boolean?][] = [
  ['pod', '{.metadata.name}'],
  ['pod', '.metadata.name'],
  ['pod', 'name={.metadata.name} ns={.metadata.namespace}'],
  ['pod', '{$.kind}{@.apiVersion}'],
  ['pod', "{.metadata['name']}"],
  ['pod', "{.metadata['name','namespace']}"],
  ['pod', '{.spec.containers[0].image}'],
  ['pod', '{.status.conditions[-1].type}'],
  ['pod', '{.status.conditions[-2:].type}'],
  ['pod', '{.status.conditions[:2].type}'],
  ['pod', '{.status.conditions[1:4:2].type}'],
  ['pod', '{.status.conditions[::2].status}'],
  ['pod', '{.status.conditions[0,2,4].type}'],
  ['pod', '{.status.conditions[2:2]}'],
  ['pod', '{.status.containerStatuses[0].user.linux.supplementalGroups[3:]}'],
  ['pod', '{.spec.containers[*].name}'],
  ['pod', '{.spec.containers[*]}'],
  ['pod', '{.spec.volumes[?(@.projected)].projected.sources}'],
  ['pod', '{.spec.volumes[?(@.projected)].projected.sources[*].serviceAccountToken.expirationSeconds}'],
  ['pod', '{.spec.volumes[0].projected.sources[?(@.configMap)].configMap.name}'],
  ['pod', '{.status.conditions[?(@.type=="Ready")].lastTransitionTime}'],
  ['pod', "{.status.conditions[?(@.type!='Ready')].type}"],
  ['pod', '{.spec.tolerations[?(@.tolerationSeconds>=300)].key}'],
  ['pod', '{.spec.tolerations[?(@.tolerationSeconds < 301)].key}'],
  ['pod', '{.status.containerStatuses[?(@.ready==true)].containerID}'],
  ['pod', '{.status.containerStatuses[?(@.restartCount>0)].name}'],
  ['pod', '{..fieldPath}'],
  ['pod', '{...expirationSeconds}'],
  ['pod', '{..mountPath}'],
  ['pod', '{.spec..name}', true],
  ['pod', '{.metadata.labels.*}'],
  ['pod', '{.spec.containers[0].name.*}'],
  ['pod', '{range .status.conditions[*]}{.type}{"\\t"}{.status}{"\\n"}{end}'],
  ['pod', '{range .spec.containers[*]}{.name}:{range .volumeMounts[*]}{.mountPath} {end}{"\\n"}{end}'],
  ['pod', '{range .spec.tolerations[*]}{.key}{end}{.metadata.name}'],
  ['pod', '{range .nothing[*]}{.x}{end}done'],
  ['pod', '{.status.containerStatuses[0].lastState}{.spec.securityContext}{.status.conditions[0].lastProbeTime}'],
  ['pod', "{'literal'} {\"\\u00e9\\x41\\101\"} {5} {-3} {1.5} {true} {false}"],
  ['pod', '{.metadata.missing}{.spec.nothing.deeper[0]}'],
  ['pod', '{.status.phase} {.status.podIP} {.spec.priority} {.spec.enableServiceLinks}'],
  ['ns', '{.metadata.labels.kubernetes\\.io/metadata\\.name}'],
  ['ns', '{.status.conditions[?(@.status=="True")].message}'],
  ['ns', '{.metadata.deletionTimestamp}'],
  ['ns', '{.spec}'],
  ['cm', "{.data['ca\\.crt']}"],
  ['cm', '{.metadata.annotations.kubernetes\\.io/description}'],
  ['list', '{range .items[*]}{.metadata.name}{"\\n"}{end}'],
  ['list', '{.items[*].metadata.name}'],
  ['list', '{.items[?(@.kind=="Pod")].metadata.namespace}'],
  ['list', '{.items[?(@.metadata.name=="web")].spec.nodeName}'],
  ['list', '{range .items[*]}[{@.kind}]{end}'],
  ['list', '{range .items[*]}{.metadata.name}{range .spec.containers[*]}/{.name}{end}{"\\n"}{end}'],
  ['list', '{.items[-1]}'],
  ['list', '{.items[0:2].metadata.uid}'],
  // errors kubectl reports
  ['pod', '{.metadata.name'],
  ['pod', '{hello}'],
  ['pod', '{end}'],
  ['pod', '{.spec[0]}'],
  ['pod', '{.spec.containers[3]}'],
  ['pod', '{.spec.containers[0:3]}'],
  ['pod', '{.spec.containers[?(@.name<>"app")]}'],
  ['pod', '{.status.containerStatuses[?(@.user.linux.supplementalGroups[*]==0)]}'],
  ['pod', '{.spec.tolerations[?(@.tolerationSeconds=="300")]}'],
  ['pod', '{.status.phase[?(@.x)]}'],
  ['pod', '{.spec.containers[x]}'],
  ['pod', '{.spec.containers["app"]}'],
  ['pod', '{.spec.containers[?(@.x==1)}'],
  ['pod', '{!}'],
  ['pod', '{....name}'],
  ['pod', '{"abc}'],
  ['pod', '{1.2.3}'],
  ['list', '{.items[*].spec.containers[?(@.name)]}'],
  ['list', '{range .items[*]}{.kind[0]}{end}'],
]

const words = (s: string) => s.split(' ').sort()

const asJsonCases: [string, string][] = [
  ['pod', '{.metadata.name}{.spec.containers[0].command}'],
  ['list', '{range .items[*]}{.metadata.name}{end}'],
]

describe('JSONPath against kubectl -o jsonpath', () => {
  beforeAll(() => kubectlPrintAll([
    ...cases.map(([name, template]) => [data[name], `jsonpath=${forKubectl(name, template)}`] as const),
    ...asJsonCases.map(([name, template]) => [data[name], `jsonpath-as-json=${forKubectl(name, template)}`] as const),
  ]), 120_000)

  it('has at least 40 templates', () => expect(cases.length).toBeGreaterThanOrEqual(40))

  it.each(cases)('%s %s', (name, template, unordered) => {
    const tmpl = forKubectl(name, template)
    const real = kubectlPrint(data[name], `jsonpath=${tmpl}`)
    const ours = runJsonPath(tmpl, data[name])
    if (real.status !== 0) {
      expect(ours.ok ? ours.text : ours.stderr).toBe(real.stderr)
      return
    }
    expect(real.stderr).toBe('')
    expect(ours.ok).toBe(true)
    const text = ours.ok ? ours.text : ''
    if (unordered) expect(words(text)).toEqual(words(real.stdout))
    else expect(text).toBe(real.stdout)
    if (name === 'list') expect(runJsonPath(template, realList)).toEqual({ ok: true, text: real.stdout })
  })

  it.each(asJsonCases)('jsonpath-as-json %s %s', (name, template) => {
    const tmpl = forKubectl(name, template)
    const real = kubectlPrint(data[name], `jsonpath-as-json=${tmpl}`)
    const ours = jsonPathAsJson(tmpl, data[name])
    expect(ours.ok ? ours.text : ours.stderr).toBe(real.stdout + real.stderr)
  })
})
