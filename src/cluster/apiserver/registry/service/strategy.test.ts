// A Service as the API server stores it: SetDefaults_Service's fields, and a cluster IP from the
// service range (above its lower band, never one in use) with the IPv4 family fields.
import { describe, expect, it } from 'vitest'
import { asAdmin, labWithPod } from '../../testing'

const SERVICES = '/api/v1/namespaces/default/services'
type Svc = { spec: Record<string, unknown> & { clusterIP?: string; ports?: Record<string, unknown>[] } }

describe('a new Service', () => {
  it('gets the defaults and a free cluster IP of 10.32.0.0/24 above .15', async () => {
    const c = await labWithPod()
    const ips = new Set<string>(['10.32.0.1'])
    for (const name of ['a', 'b', 'c', 'd']) {
      const r = await asAdmin(c, 'POST', SERVICES, { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }] } })
      expect(r.status).toBe(201)
      const spec = (r.body as Svc).spec
      expect(spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' })
      expect(spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }])
      const ip = spec.clusterIP as string
      expect(ip).toMatch(/^10\.32\.0\.\d+$/)
      expect(Number(ip.split('.')[3])).toBeGreaterThanOrEqual(16)
      expect(ips.has(ip)).toBe(false)
      ips.add(ip)
      expect(spec.clusterIPs).toEqual([ip])
    }
  })

  it('keeps a headless None, a named address and a named target port', async () => {
    const c = await labWithPod()
    const post = async (name: string, spec: object) => ((await asAdmin(c, 'POST', SERVICES, { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec })).body as Svc).spec
    expect((await post('h', { clusterIP: 'None', ports: [{ port: 53, protocol: 'UDP', targetPort: 'dns' }] }))).toMatchObject({ clusterIP: 'None', ports: [{ port: 53, protocol: 'UDP', targetPort: 'dns' }] })
    expect((await post('f', { clusterIP: '10.32.0.5', ports: [{ port: 1 }] })).clusterIP).toBe('10.32.0.5')
  })
})
