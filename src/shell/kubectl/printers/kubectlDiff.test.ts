// Differential tests: our printers against the real kubectl client (fails, naming it, when /usr/bin/kubectl is missing)

import { beforeAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { toKubectlYaml } from './yaml'
import { toKubectlJson } from './json'
import { nameOf } from './name'
import { kubectlPrint, kubectlPrintAll, withLabel } from './testdata/kubectlOracle'
import { podYaml } from './testdata/pod'
import { namespaceActiveYaml } from './testdata/namespaceActive'
import { namespaceTerminatingYaml } from './testdata/namespaceTerminating'
import { serviceaccountYaml } from './testdata/serviceaccount'
import { configmapRootCaYaml } from './testdata/configmapRootCa'
import { nodeYaml } from './testdata/node'
import { secretTokenYaml } from './testdata/secretToken'
import { eventsYaml } from './testdata/events'
import { trickyExtra, trickyStrings } from './testdata/tricky'

type Obj = Parameters<typeof kubectlPrint>[0]
const parse = (text: string) => withLabel(YAML.parse(text) as Obj)
const events = (YAML.parse(eventsYaml) as { items: Obj[] }).items.map(withLabel)

const objects: Record<string, Obj> = {
  pod: parse(podYaml),
  'namespace active': parse(namespaceActiveYaml),
  'namespace terminating': parse(namespaceTerminatingYaml),
  serviceaccount: parse(serviceaccountYaml),
  'kube-root-ca.crt': parse(configmapRootCaYaml),
  node: parse(nodeYaml),
  'token secret': parse(secretTokenYaml),
  'event Scheduled': events[0],
  'event Pulled': events[2],
  tricky: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'tricky', namespace: 'sa-demo', labels: { app: 'x' }, annotations: trickyStrings },
    data: trickyStrings,
    extra: trickyExtra,
  },
}

const role = withLabel({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'pod-reader', namespace: 'sa-demo' },
  rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
} as Obj)
const named = [objects.pod, objects['namespace active'], objects.serviceaccount, role]

describe('YAML and JSON against kubectl', () => {
  beforeAll(() => kubectlPrintAll([
    ...Object.values(objects).flatMap((o) => [[o, 'yaml'], [o, 'json']] as const),
    ...named.map((o) => [o, 'name'] as const),
  ]), 120_000)

  for (const [name, obj] of Object.entries(objects)) {
    it(`-o yaml: ${name}`, () => {
      const real = kubectlPrint(obj, 'yaml')
      expect(real.status).toBe(0)
      expect(toKubectlYaml(obj)).toBe(real.stdout)
    })
    it(`-o json: ${name}`, () => {
      const real = kubectlPrint(obj, 'json')
      expect(real.status).toBe(0)
      expect(toKubectlJson(obj)).toBe(real.stdout)
    })
  }

  it('-o name', () => {
    for (const obj of named) {
      const o = obj as unknown as Parameters<typeof nameOf>[0]
      expect(nameOf(o) + '\n').toBe(kubectlPrint(obj, 'name').stdout)
    }
  })
})
