// openssl dgst against OpenSSL 3.0 (Debian 12's): each digest's name and hex, -r, -c, -binary,
// standard input, and its errors (OpenSSL's error stack lines, with a thread's address, filtered
// out on both sides: the lab leaves them out).

import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

const FILES: Record<string, string> = {
  x: 'hi\n',
  y: 'header.payload',
}

/** The errors, stack lines left out, after the output (a real pipe would hold stdout back in its buffer). */
const noStack = (line: string) => `${line} 2>e; s=$?; grep -v ':error:' e; echo "status $s"`

const CASES: string[] = [
  'openssl dgst -sha256 x',
  'openssl dgst x',
  'openssl dgst -sha1 x y',
  'openssl dgst -md5 -r x',
  'openssl dgst -sha384 -c x',
  'openssl dgst -sha512 y',
  'printf abc | openssl dgst -sha256',
  'printf abc | openssl dgst -sha256 -r',
  'openssl dgst -sha256 -binary x | xxd',
  'openssl dgst -binary -hex x',
  'openssl dgst -sha1 -sha256 x',
  'openssl dgst -sha256 -binary y | base64',
  noStack('openssl dgst -sha256 nothere x'),
  noStack('mkdir -p d; openssl dgst d'),
  noStack('openssl dgst -nosuch x'),
  noStack('openssl dgst -sha256 x --'),
]

describe('openssl dgst against OpenSSL 3.0', () => {
  agreesWithRealTools(['openssl', 'xxd', 'base64'], CASES, FILES)
})
