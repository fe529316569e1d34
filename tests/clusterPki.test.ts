// The cluster's CA and the admin's client certificate, as a kubeadm cluster has them: made at
// `kubeadm init`, so valid from before anything in the cluster exists (kubeadm backdates its
// certificates by five minutes) for ten years, and the admin certificate really signed by the CA.
// The real openssl on this machine checks the chain and reads the dates.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLab } from '../src/app/lab'
import { ADMIN_CERT_PEM, CLUSTER_CA_PEM } from '../src/cluster/pki/fixed'
import { requireTools, runBatch } from '../src/shell/testing/realTools'

const opensslDate = (s: string) => Date.parse(s.replace(/^not(Before|After)=/, '').trim())

describe('the cluster CA and the admin certificate', () => {
  it('openssl verifies the admin certificate against the CA; both were valid before the cluster was made', async () => {
    requireTools('openssl')
    const dir = mkdtempSync(join(tmpdir(), 'pki-'))
    writeFileSync(join(dir, 'ca.pem'), CLUSTER_CA_PEM)
    writeFileSync(join(dir, 'admin.pem'), ADMIN_CERT_PEM)
    const [verify, ca, admin] = await runBatch([
      { argv: ['openssl', 'verify', '-CAfile', 'ca.pem', 'admin.pem'], cwd: dir },
      { argv: ['openssl', 'x509', '-in', 'ca.pem', '-noout', '-startdate', '-enddate', '-subject', '-ext', 'basicConstraints'], cwd: dir },
      { argv: ['openssl', 'x509', '-in', 'admin.pem', '-noout', '-startdate', '-subject'], cwd: dir },
    ])
    expect(verify.stdout).toBe('admin.pem: OK\n')
    expect(ca.stdout).toContain('subject=CN = kubernetes\n')
    expect(ca.stdout).toContain('CA:TRUE')
    expect(admin.stdout).toContain('subject=O = system:masters, CN = admin\n')

    const lab = await createLab({ seed: '1' })
    const created = Date.parse((await lab.run('kubectl get ns kube-system -o jsonpath={.metadata.creationTimestamp}')).stdout)
    const labNow = Date.parse((await lab.run('date -u +%Y-%m-%dT%H:%M:%SZ')).stdout.trim())
    const [caFrom, caTo] = ca.stdout.split('\n').slice(0, 2).map(opensslDate)
    const adminFrom = opensslDate(admin.stdout.split('\n')[0])
    expect(Number.isFinite(created) && Number.isFinite(caFrom)).toBe(true)
    expect(caFrom).toBe(created - 5 * 60_000)
    expect(adminFrom).toBe(caFrom)
    expect(caFrom).toBeLessThan(labNow)
    expect(caTo - created).toBe(3650 * 86_400_000)
    // The lab's own openssl reads the same dates from the workstation's copy of the CA.
    expect((await lab.run('openssl x509 -in ca.pem -noout -startdate')).stdout).toBe(ca.stdout.split('\n')[0] + '\n')
  })
})
