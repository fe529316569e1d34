import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { adminKubeconfig, adminKubeconfigDoc } from './workstation'

describe("the workstation's kubeconfig", () => {
  it('parses to the contents kubectl is handed without parsing it (createWorkstation)', () => {
    const doc = adminKubeconfigDoc()
    expect(parse(adminKubeconfig())).toStrictEqual(doc)
    // (the certificates themselves, not empty strings on both sides)
    expect(doc.users![0].user!['client-certificate-data']).toMatch(/^LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t[A-Za-z0-9+/]{200,}={0,2}$/)
  })
})
