// Differential test: a kubeconfig user or cluster that client-go's validation refuses, against the real kubectl
// (one bash process): kubectl stops before any request, with one problem as `error: …` and several as a list.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { FakeLab, fakeFs, runKubectl } from './testing/fake'
import { REAL_KUBECTL, batchKubectl } from './testing/batch'
import { kubeconfigOf } from './testing/kubeconfigs'
import { requireTools } from '../testing/realTools'
import { MemoryFs } from '../fs'
import { ADMIN_CERT_PEM, ADMIN_KEY_PEM } from '../../cluster/pki/fixed'

/** A kubeconfig whose context `c` uses cluster `k` (nobody listens at its server) and user `u`, with these lines under each. */
const kubeconfig = (cluster: string[], user: string[]) => kubeconfigOf('https://127.0.0.1:1', cluster, user)

const CERT = 'client-certificate-data: QUJD'
const KEY = 'client-key-data: QUJD'
const FILES: Record<string, string> = {
  'no-key': kubeconfig(['insecure-skip-tls-verify: true'], ['client-certificate: /dev/null']),
  'no-key-no-cert': kubeconfig(['insecure-skip-tls-verify: true'], ['client-certificate: /nonexistent/u.crt']),
  'no-key-file': kubeconfig(['insecure-skip-tls-verify: true'], [CERT, 'client-key: /nonexistent/u.key']),
  'cert-twice': kubeconfig(['insecure-skip-tls-verify: true'], [CERT, 'client-certificate: /dev/null', KEY]),
  'key-twice': kubeconfig(['insecure-skip-tls-verify: true'], [CERT, KEY, 'client-key: /dev/null']),
  'token-and-user': kubeconfig(['insecure-skip-tls-verify: true'], ['token: abc', 'username: x']),
  'groups-alone': kubeconfig(['insecure-skip-tls-verify: true'], ['token: abc', 'as-groups: [g]']),
  'ca-twice': kubeconfig(['certificate-authority: /dev/null', 'certificate-authority-data: QUJD'], ['token: abc']),
  // a directory opens, so the validation lets it through; reading it fails when the transport is built
  'ca-dir': kubeconfig(['certificate-authority: /root'], ['token: abc']),
  'token-only': kubeconfig(['insecure-skip-tls-verify: true'], ['token: abc']),
  'all-wrong': kubeconfig(['certificate-authority: /nonexistent/ca.crt'], ['client-certificate: /nonexistent/u.crt', 'token: abc', 'password: p']),
}
const CASES: string[][] = [
  // (token-only passes: it is here for the flags below)
  ...Object.keys(FILES).filter((f) => f !== 'token-only').flatMap((f) => [['--kubeconfig', f, 'get', 'ns'], ['--kubeconfig', f, 'auth', 'whoami']]),
  // the flags count as the file's values would
  ['--kubeconfig', 'token-and-user', '--insecure-skip-tls-verify', 'get', 'ns'],
  ['--kubeconfig', 'groups-alone', '--as', 'someone', '--as-group', 'h', 'get', 'ns', '--request-timeout=1s'],
  ['--kubeconfig', 'ca-twice', '--certificate-authority', '/nonexistent/ca.crt', 'get', 'ns'],
  ['--kubeconfig', 'no-key', '--as-group', 'g', 'get', 'ns'],
  ['--kubeconfig', 'no-key', '--as-uid', '1', 'get', 'ns'],
  ['--kubeconfig', 'ca-twice', '--certificate-authority', '/root', 'get', 'ns'],
  ['--kubeconfig', 'groups-alone', '--certificate-authority', '/root', '--as', 'someone', 'get', 'ns'],
  // the user's flags are laid over the kubeconfig's user before it is checked
  ['--kubeconfig', 'token-only', '--username', 'bob', 'get', 'ns'],
  ['--kubeconfig', 'token-only', '--password=pw', 'get', 'ns'],
  ['--kubeconfig', 'no-key', '--token', 'x', '--username', 'bob', 'get', 'ns'],
  ['--kubeconfig', 'token-only', '--client-certificate', '/nonexistent/c.crt', 'get', 'ns'],
  ['--kubeconfig', 'key-twice', '--client-certificate', '/nonexistent/c.crt', '--client-key', '/nonexistent/c.key', 'get', 'ns'],
  ['--kubeconfig', 'no-key-file', '--client-key', '/dev/null', 'auth', 'whoami'],
]

const b64 = (s: string) => Buffer.from(s).toString('base64')
const pem = (k: string | Buffer) => k.toString()
const OTHER_RSA = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
const EC = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
const ED = generateKeyPairSync('ed25519').privateKey
const block = (type: string, body = 'QUJD') => `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`
/** Certificate and key data (PEM text), as kubectl checks them before any request (Go's tls.X509KeyPair). */
const PAIRS: Record<string, [string, string]> = {
  'pair-ok': [ADMIN_CERT_PEM, ADMIN_KEY_PEM],
  'pair-junk-cert': ['ABC', ADMIN_KEY_PEM],
  'pair-switched': [ADMIN_KEY_PEM, ADMIN_CERT_PEM],
  'pair-key-as-cert': [ADMIN_KEY_PEM, ADMIN_KEY_PEM],
  'pair-foo-cert': [block('FOO') + block('BAR'), ADMIN_KEY_PEM],
  'pair-junk-key': [ADMIN_CERT_PEM, 'ABC'],
  'pair-cert-as-key': [ADMIN_CERT_PEM, ADMIN_CERT_PEM],
  'pair-foo-key': [ADMIN_CERT_PEM, block('FOO') + block('CERTIFICATE')],
  'pair-bad-cert': [block('CERTIFICATE'), ADMIN_KEY_PEM],
  'pair-bad-base64': [block('CERTIFICATE', 'QU!D') + ADMIN_CERT_PEM, ADMIN_KEY_PEM],
  'pair-pkcs1': [ADMIN_CERT_PEM, pem(createPrivateKey(ADMIN_KEY_PEM).export({ type: 'pkcs1', format: 'pem' }))],
  'pair-other-rsa': [ADMIN_CERT_PEM, pem(OTHER_RSA.export({ type: 'pkcs8', format: 'pem' }))],
  'pair-other-rsa-pkcs1': [ADMIN_CERT_PEM, pem(OTHER_RSA.export({ type: 'pkcs1', format: 'pem' }))],
  'pair-ec-pkcs8': [ADMIN_CERT_PEM, pem(EC.export({ type: 'pkcs8', format: 'pem' }))],
  'pair-ec-sec1': [ADMIN_CERT_PEM, pem(EC.export({ type: 'sec1', format: 'pem' }))],
  'pair-ed25519': [ADMIN_CERT_PEM, pem(ED.export({ type: 'pkcs8', format: 'pem' }))],
  'pair-junk-key-block': [ADMIN_CERT_PEM, block('PRIVATE KEY')],
  'pair-junk-rsa-block': [ADMIN_CERT_PEM, block('RSA PRIVATE KEY', 'MAMCAQA=')],
}
for (const [name, [cert, key]] of Object.entries(PAIRS)) {
  FILES[name] = kubeconfig(['insecure-skip-tls-verify: true'], [`client-certificate-data: ${b64(cert)}`, `client-key-data: ${b64(key)}`])
}
const PAIR_CASES = Object.keys(PAIRS).map((f) => ['--kubeconfig', f, 'get', 'ns'])

describe("kubectl refuses a kubeconfig that client-go's validation refuses", () => {
  it('says what the real kubectl says, before any request', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const real = batchKubectl(CASES, FILES)
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    // the lab's own filesystem (its directories and /dev/null too)
    const fs = new MemoryFs(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [`/root/${k}`, v])))
    for (const [i, argv] of CASES.entries()) {
      // (the one case the validation lets through reaches for 127.0.0.1:1 in both: only its first line is compared)
      const ours = await runKubectl(lab, argv, { fs })
      const theirs = real[i]
      if (argv.includes('--request-timeout=1s')) {
        expect(theirs.stderr, 'the real kubectl went on to the server').not.toMatch(/without impersonating/)
        expect(ours.stderr, 'the lab went on to the server').not.toMatch(/without impersonating/)
        continue
      }
      expect({ case: argv.join(' '), ...ours }).toEqual({ case: argv.join(' '), ...theirs })
    }
  }, 120_000)

  it('checks a certificate and key given as data as Go\'s tls.X509KeyPair does (a good pair goes on to the server)', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const real = batchKubectl(PAIR_CASES, FILES)
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    const fs = fakeFs(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [`/root/${k}`, v])))
    for (const [i, argv] of PAIR_CASES.entries()) {
      const ours = await runKubectl(lab, argv, { fs })
      const last = (s: string) => s.trimEnd().split('\n').pop()
      // (a pair that passes goes on to 127.0.0.1:1, where the log lines before the last carry times and PIDs)
      expect({ case: argv.join(' '), exitCode: ours.exitCode, stdout: ours.stdout, last: last(ours.stderr) })
        .toEqual({ case: argv.join(' '), exitCode: real[i].exitCode, stdout: real[i].stdout, last: last(real[i].stderr) })
      const reached = /connection to the server 127\.0\.0\.1:1 was refused/.test(real[i].stderr)
      expect(reached, argv[1]).toBe(['pair-ok', 'pair-bad-base64', 'pair-pkcs1'].includes(argv[1]))
      if (!reached) expect(ours.stderr).toBe(real[i].stderr)
    }
  }, 120_000)
})
