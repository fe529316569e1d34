// The fields a field selector may name (pkg/apis/core/v1/conversion.go's field label conversions, and
// DefaultMetaV1FieldSelectorConversion for every other kind): another field is a 400 with its words.
import { describe, expect, it } from 'vitest'
import { asAdmin, labWithPod } from './testing'

const list = async (path: string, fieldSelector: string) => {
  const c = await labWithPod()
  return asAdmin(c, 'GET', `${path}?fieldSelector=${encodeURIComponent(fieldSelector)}`)
}

describe('field selectors', () => {
  it("take a pod's selectable fields, in the served version's names", async () => {
    const ok = await list('/api/v1/namespaces/sa-demo/pods', 'spec.serviceAccountName=default,status.phase=Running')
    expect(ok.status).toBe(200)
    expect((ok.body as { items: unknown[] }).items.length).toBe(1)
    expect((await list('/apis/events.k8s.io/v1/namespaces/sa-demo/events', 'regarding.name=app')).status).toBe(200)
  })

  it('refuse a field the kind does not select on, with the conversion function\'s words', async () => {
    const pods = await list('/api/v1/namespaces/sa-demo/pods', 'status.phase=Running,metadata.labels=x')
    expect([pods.status, (pods.body as { message: string }).message]).toEqual([400, 'field label not supported: metadata.labels'])
    const events = await list('/apis/events.k8s.io/v1/namespaces/sa-demo/events', 'involvedObject.name=app')
    expect((events.body as { message: string }).message).toBe('field label not supported: involvedObject.name')
    const sas = await list('/api/v1/namespaces/sa-demo/serviceaccounts', 'spec.x=1')
    expect((sas.body as { message: string }).message).toBe('"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"')
  })
})
