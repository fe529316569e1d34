// openssl x509 and openssl base64 against OpenSSL 3.0 on the lab's own certificates, all cases in
// one bash process.

import { describe } from 'vitest'
import { ADMIN_CERT_PEM, CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import { agreesWithRealTools } from './diffSupport'
import { encodeBase64Text } from '../../common/base64'
import { EC_CA_PEM, ODD_NAMES2_PEM, ODD_NAMES_PEM, SERVER_RSA_PEM } from './testdata/certs'

const LONG_TEXT = Array.from({ length: 60 }, (_, i) => `line ${i}: the quick brown fox\n`).join('')
const LONG_B64 = encodeBase64Text(LONG_TEXT)

const FILES: Record<string, string> = {
  'long.b64': LONG_B64 + '\n',
  'wrapped.b64': 'garbage header!\n' + LONG_B64.replace(/.{64}/g, '$&\n') + '\n',
  'ca.pem': CLUSTER_CA_PEM, 'admin.crt': ADMIN_CERT_PEM, 'b64.txt': 'aGVsbG8gd29ybGQ=\n',
  'server.crt': SERVER_RSA_PEM, 'ec.crt': EC_CA_PEM, 'odd.crt': ODD_NAMES_PEM, 'odd2.crt': ODD_NAMES2_PEM,
}

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
  'openssl x509 -in ca.pem -text -noout',
  'openssl x509 -in admin.crt -text -noout',
  'openssl x509 -in ca.pem -text',
  'openssl x509 -in ca.pem -noout -subject -text -serial',
  'openssl x509 -in server.crt -text -noout',
  'openssl x509 -in ec.crt -text -noout',
  'openssl x509 -in odd.crt -noout -text',
  'openssl x509 -in odd2.crt -noout -subject -issuer',
  'openssl x509 -in server.crt -noout -subject -serial -fingerprint',
  'openssl x509 -in ec.crt -noout -serial -dates -pubkey',
  'openssl x509 -in ca.pem -noout -modulus',
  'openssl x509 -in ec.crt -noout -modulus',
  'openssl x509 -in admin.crt -noout -modulus -fingerprint -sha256',
  'cat ca.pem admin.crt | openssl x509 -noout -text',
  'openssl x509 -in ca.pem -noout -text | grep -A1 Basic',
  'openssl base64 -d -A < b64.txt | od -c',
  'openssl x509 -in server.crt -noout -ext keyUsage,subjectAltName',
  'openssl x509 -in server.crt -noout -ext basicConstraints -subject',
  'openssl x509 -in ca.pem -noout -ext subjectKeyIdentifier,authorityKeyIdentifier',
  'openssl x509 -in ca.pem -noout -ext extendedKeyUsage,basicConstraints',
  'openssl x509 -in ca.pem -noout -ext subjectAltName',
  'openssl x509 -in admin.crt -noout -ext subjectAltName',
  'openssl x509 -in ec.crt -noout -ext keyUsage',
  'openssl x509 -in ca.pem -noout -ext',
  'openssl x509 -in ca.pem -checkend 0; echo "|$?"',
  'openssl x509 -in ca.pem -noout -subject -checkend 630720000; echo "|$?"',
  'openssl x509 -in ca.pem -checkend x',
  'openssl x509 -in ca.pem -checkend',
  'echo eyJhbGciOiJSUzI1NiIsImtpZCI6ImxhYiJ9 | openssl base64 -d -A; echo "|$?"',
  'echo eyJhbGciOiJSUzI1NiIsImtpZCI6ImxhYiJ | openssl base64 -d -A; echo "|$?"',
  'echo eyJhbGciOiJSUzI1NiIsImtpZCI6ImxhYi | openssl base64 -d -A; echo "|$?"',
  'echo eyJhbGciOiJSUzI1NiIsImtpZCI6ImxhYi | openssl base64 -d; echo "|$?"',
  "printf 'aGVsbG8g\\nd29ybGQ=\\n' | openssl base64 -d -A; echo \"|$?\"",
  "printf 'aGVsbG8g\\nd29ybGQ=\\n' | openssl base64 -d; echo \"|$?\"",
  "echo 'a-_b' | openssl base64 -d -A | od -c",
  "echo 'aGVs bG8=' | openssl base64 -d -A; echo \"|$?\"",
  "printf 'aGVsbG8=' | openssl base64 -d -A; echo \"|$?\"",
  "printf 'aGVsbG8=' | openssl base64 -d; echo \"|$?\"",
  "echo '!!!!' | openssl base64 -d; echo \"|$?\"",
  "printf 'aGk=\\naGk=\\n' | openssl base64 -d; echo \"|$?\"",
  'openssl base64 -d -A -in long.b64 | tail -3',
  'openssl base64 -d -A -in long.b64 | wc -c',
  'openssl base64 -d -in wrapped.b64 | head -2',
  'openssl base64 -d -in wrapped.b64 | wc -lc',
  'openssl base64 -d -A -in wrapped.b64 | wc -c',
  'tr -d "\\n" < wrapped.b64 | openssl base64 -d -A | wc -c',
]

describe('openssl agrees with OpenSSL 3.0', () => {
  agreesWithRealTools(['openssl', 'cat'], CASES, FILES, 180_000)
})
