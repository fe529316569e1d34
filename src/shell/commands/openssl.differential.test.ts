// openssl x509 and openssl base64 against OpenSSL 3.0 on the lab's own certificates, all cases in
// one bash process.

import { beforeAll, describe, expect, test } from 'vitest'
import { ADMIN_CERT_PEM, CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import type { RunResult } from '../types'
import { missingTools, runLab, runReal } from './diffSupport'

const FILES: Record<string, string> = { 'ca.pem': CLUSTER_CA_PEM, 'admin.crt': ADMIN_CERT_PEM, 'b64.txt': 'aGVsbG8gd29ybGQ=\n' }

const CASES: string[] = [
  'openssl x509 -in ca.pem -noout -subject',
  'openssl x509 -in ca.pem -noout -issuer -subject',
  'openssl x509 -in ca.pem -noout -dates',
  'openssl x509 -in ca.pem -noout -startdate -enddate',
  'openssl x509 -in ca.pem -noout -fingerprint',
  'openssl x509 -in ca.pem -noout -fingerprint -sha256',
  'openssl x509 -in admin.crt -noout -subject -issuer -serial',
  'openssl x509 -in admin.crt -noout -fingerprint -sha256',
  'openssl x509 -in ca.pem -noout -pubkey',
  'openssl x509 -in ca.pem',
  'openssl x509 -in ca.pem -subject',
  'cat ca.pem | openssl x509 -noout -subject',
  'openssl x509 -noout -subject < admin.crt',
  'openssl base64 -d -A < b64.txt; echo',
  'echo aGVsbG8= | openssl base64 -d -A; echo',
  'echo -n hi | openssl base64',
  'echo -n hi | openssl base64 -A',
  'openssl base64 -d -in b64.txt; echo',
]

describe('openssl agrees with OpenSSL 3.0', () => {
  const missing = missingTools(['openssl', 'cat'])
  let real: RunResult[] = []
  let lab: RunResult[] = []
  beforeAll(async () => {
    if (missing.length === 0) real = runReal(CASES, FILES)
    lab = await runLab(CASES, FILES)
  }, 180_000)
  test('the real tools are installed', () => {
    expect(missing, `missing on this machine: ${missing.join(', ')}`).toEqual([])
  })
  test.each(CASES.map((c, i) => [c, i] as const))('%s', (_line, i) => {
    expect(lab[i]).toEqual(real[i])
  })
})
