// Bytes, not text, in pipes and files: binary data through printf, echo -e, base64, od, xxd,
// head -c, tail -c, cut -b, tr, wc, redirections and command substitution, against bash 5.2 and
// coreutils 9.1, compared as bytes (diffSupport.ts), all cases in one bash process. The token
// is a real one from the lab (kubectl create token): its signature is 256 bytes of RSA.

import fc from 'fast-check'
import { beforeAll, describe } from 'vitest'
import { createLab } from '../../app/lab'
import { CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import { stringOfBytes } from '../../common/bytes'
import { agreesWithRealTools } from './diffSupport'

/** Random byte strings (a fast-check sample with a fixed seed: the same cases on every run). */
const RANDOM = fc.sample(fc.uint8Array({ minLength: 0, maxLength: 120 }), { numRuns: 24, seed: 2026 })

// Filled before the runs (the token needs a lab); agreesWithRealTools reads it in its beforeAll.
const FILES: Record<string, string> = {
  'bin.dat': stringOfBytes(Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x41, 0x0a, 0xc3, 0xa9, 0xed, 0xa0, 0x80])),
  'text.txt': 'héllo wörld\nzweite Zeile\n',
  'ca.pem': CLUSTER_CA_PEM,
}
RANDOM.forEach((b, i) => (FILES[`r${i}`] = stringOfBytes(b)))

beforeAll(async () => {
  const lab = await createLab({ seed: 'bytes' })
  await lab.run('kubectl create namespace sa-demo')
  await lab.run('kubectl -n sa-demo create serviceaccount app')
  FILES.tok = (await lab.run('kubectl -n sa-demo create token app')).stdout
}, 60_000)

const SIG = 'TOK=$(cat tok); echo $TOK | cut -d. -f3 | tr "_-" "/+"'

const CASES: string[] = [
  // the article's signature pipeline on a real lab token
  `${SIG} | base64 -d | wc -c`,
  `${SIG} | base64 -d 2>/dev/null | od -An -tx1 | wc -l`,
  `${SIG} | base64 -d 2>/dev/null | base64 -w0 | wc -c`,
  `${SIG} | base64 -d 2>/dev/null | xxd | tail -n 2 | cut -c1-9`,
  `${SIG} | base64 -d 2>/dev/null | head -c 16 | od -An -tx1 | wc -w`,
  // printf and echo -e write bytes
  "printf '\\xff\\xfe' | wc -c",
  "printf '\\xff\\xfe\\x00\\x80' | wc -c",
  "printf '\\xff\\xfe\\x00\\x80' | od -An -tx1",
  "printf '\\xff\\xfe\\x00\\x80' | od -c",
  "printf '\\xff\\xfe\\x00\\x80' | xxd",
  "printf '\\xff\\xfe\\x00\\x80' | xxd -p",
  "printf '\\xff\\xfe\\x00\\x80' | base64",
  "printf '\\xff\\xfe\\x00\\x80' | base64 | base64 -d | od -An -tx1",
  "printf '\\377\\200\\1' | od -An -tx1",
  "printf '\\xc3\\xa9\\xe2\\x82\\xac\\n'",
  "printf '\\xc3'; printf '\\xa9\\n'",
  "printf '%b' '\\0377\\xfe' | od -An -tx1",
  "echo -e '\\xff\\x41\\0101' | od -An -tx1",
  "echo -ne '\\xff' | wc -c",
  "printf '%s' $'\\xff\\xfe' | od -An -tx1",
  "printf '%.1s' é | od -An -tx1",
  "printf '[%3s]\\n' é",
  "printf '%-4s|\\n' é",
  "printf '%c|' é ab | od -An -tx1",
  "printf '%d %d\\n' \"'é\" \"'A\"",
  // grep: a NUL byte makes input binary (grep 3.8's notice on stderr), -a reads it as text
  "printf 'a\\0b\\n' | grep a; echo $?",
  "printf 'c\\na\\0b\\n' | grep -n -e a -e c",
  "printf 'a\\0b\\n' > nb; grep a nb text.txt; grep -c a nb; grep -l a nb; grep -q a nb; echo $?",
  "printf 'a\\0b\\n' | grep -o a",
  "printf 'a\\0b\\n' | grep -a a | od -An -tx1",
  "printf 'a\\xffb\\n' | grep b | od -An -tx1",
  // sort orders bytes (C locale)
  "printf 'é\\n\\x80\\nz\\n\\xff\\nA\\n😀\\n\\xef\\xbf\\xbd\\n\\xee\\x80\\x80\\n' | sort | od -An -tx1",
  "printf 'b\\xff\\na\\nb\\xc3\\xa9\\n' | sort -r | od -An -tx1",
  // cat -v, -A, -e, -t show bytes in ^ and M- notation
  "printf 'x\\x01\\x7f\\x80\\x89\\xff\\t\\n\\xc3\\xa9' | cat -A",
  "printf 'x\\x01\\x7f\\x80\\xff\\t\\n' | cat -v",
  "printf 'x\\x01\\t\\n' | cat -e; printf 'x\\x01\\t\\n' | cat -t; cat -vn bin.dat",
  // wc: bytes; characters follow the locale (C: bytes; C.UTF-8: characters, a stray byte is none)
  "printf 'é' | wc -c",
  "printf 'é' | wc -m",
  "printf 'a\\xffé\\n' | LC_ALL=C.UTF-8 wc -m",
  "printf 'a\\xffé\\n' | LC_ALL=C.UTF-8 wc -c",
  'wc -c bin.dat text.txt',
  "for s in 'a\\x01b' '\\x01a' 'a\\xffb' '\\xff' '\\xff a' 'a\\xff \\xffb' 'é' 'é a' 'a\\xc2\\xa0b'; do printf \"$s\" | wc -w; printf \"$s\" | LC_ALL=C.UTF-8 wc -w; done",
  "for s in 'a\\xe3\\x80\\x80b' 'a\\xe2\\x80\\x8bb' '\\xcc\\x81' '\\xc2\\x80' '\\xe2\\x80\\xa8' 'a\\xe2\\x81\\xa0b' 'x\\xf0\\x9f\\x98\\x80 y'; do printf \"$s\" | LC_ALL=C.UTF-8 wc -lwmc; done",
  'wc bin.dat text.txt',
  // head -c, tail -c, cut -b/-c on multi-byte text
  'head -c 2 text.txt | od -An -tx1',
  'head -c -3 text.txt | od -An -tx1',
  'tail -c 4 text.txt | od -An -tx1',
  'tail -c +3 text.txt | head -c 3 | od -An -tx1',
  'cut -b 2 text.txt | od -An -tx1',
  'cut -c 1-2 text.txt | od -An -tx1',
  'cut -b 1,3 --output-delimiter=: text.txt | od -An -tx1',
  "printf 'a\\xffb:c\\n' | cut -d: -f1 | od -An -tx1",
  'echo aéb | cut -d é -f1',
  // tr is byte-based
  "printf 'héllo\\n' | tr 'é' 'e'",
  "printf 'ab\\xffcd\\n' | tr -d '\\377'",
  "printf 'a\\xff\\n' | tr '\\377' 'x'",
  "printf '\\xff\\xfe' | tr -c 'a' 'b'",
  "printf 'h\\xc3\\xa9\\n' | tr -s '\\303'",
  // files: redirect, append, read back
  "printf '\\xff\\xfe\\x00' > out.bin; wc -c out.bin; od -An -tx1 out.bin",
  "printf '\\xc3' > f; printf '\\xa9\\n' >> f; cat f; wc -c < f",
  'cat bin.dat | od -An -tx1',
  'cat bin.dat > copy; od -An -tx1 copy',
  'base64 bin.dat',
  'base64 bin.dat | base64 -d > back; od -An -tx1 back',
  'od -c bin.dat',
  'xxd bin.dat',
  'xxd -p bin.dat | xxd -r -p | od -An -tx1',
  'head -c 5 bin.dat | tail -c 2 | od -An -tx1',
  // command substitution keeps the bytes (NUL bytes: differential.test.ts, as bash's warning there names a line)
  "x=$(printf '\\xff'); echo -n \"$x\" | wc -c",
  "x=$(printf '\\xff\\xfe'); echo \"${#x}\"",
  "x=$(tail -c 5 bin.dat); printf %s \"$x\" | od -An -tx1",
  // openssl x509 -outform DER / -inform DER: the certificate's bytes
  'openssl x509 -in ca.pem -outform der | wc -c',
  'openssl x509 -in ca.pem -outform DER | sha256sum; openssl x509 -in ca.pem -noout -fingerprint -sha256',
  'openssl x509 -in ca.pem -outform der | xxd | head -n 2',
  'openssl x509 -in ca.pem -outform der | openssl x509 -inform der -noout -subject -dates',
  'openssl x509 -in ca.pem -outform der | openssl x509 -inform DER',
  'openssl x509 -in ca.pem -noout -subject -outform der',
  'openssl x509 -in ca.pem -outform xyz -noout',
  'openssl x509 -inform der -in ca.pem -noout 2>&1 | head -n 1; openssl x509 -inform der -in ca.pem -noout 2>/dev/null; echo $?',
  // openssl base64 and jq's @base64d (jq 1.6 puts U+FFFD for bytes that are not UTF-8)
  'openssl base64 < bin.dat',
  'openssl base64 < bin.dat | openssl base64 -d | od -An -tx1',
  "echo '\"//4AgMOp\"' | jq -r '@base64d' | od -An -tx1",
  "echo '\"4oKs\"' | jq -r '@base64d'",
  "echo '\"4oJB/8CAQu2ggEP0kICARA==\"' | jq '@base64d' | od -An -tx1",
  "printf '\\xe2\\x82A\\xff\\xc0\\x80B\\xed\\xa0\\x80C\\xf4\\x90\\x80\\x80D\\xe2\\x82' | jq -R . | od -An -tx1",
  "printf '\"\\xff\\xc3\\xa9\"' | jq -c '[., length]' | od -An -tx1",
  'jq -R -s length bin.dat',
  "jq -n --arg x \"$(printf 'a\\xff')\" '$x' | od -An -tx1",
  // checksums of bytes (md5sum, sha*sum)
  `${SIG} | base64 -d 2>/dev/null | sha256sum`,
  'sha256sum bin.dat text.txt',
  'md5sum bin.dat text.txt - < bin.dat',
  'sha1sum --tag bin.dat; sha384sum -b text.txt; sha512sum bin.dat',
  "printf '' | md5sum; seq 1 30000 | head -c 100000 | md5sum; seq 1 20000 | md5sum; seq 1 20000 | sha256sum",
  'sha256sum bin.dat text.txt > sums; sha256sum -c sums; echo $?',
  "sha256sum bin.dat > sums; printf 'x' >> bin.dat; sha256sum -c sums; echo $?",
  "printf '%s  nofile\\nbad line\\n' $(sha256sum < text.txt | cut -c1-64) > sums; sha256sum -c sums; echo $?",
  'echo junk | sha256sum -c; echo $?',
  'md5sum -c --quiet nofile; sha256sum nofile; echo $?',
  // random bytes through base64 and back (encode, decode, round trip), and their dumps
  ...RANDOM.flatMap((_, i) => [
    `base64 r${i} | base64 -d | od -An -tx1 -v`,
    `base64 -w 0 r${i}`,
    `base64 -d r${i} | od -An -tx1 -v`,
    `xxd r${i} | head -n 3`,
    `md5sum r${i}; sha256sum < r${i}`,
  ]),
]

describe('bytes, not text: the lab agrees byte for byte with bash 5.2 and coreutils 9.1', () => {
  agreesWithRealTools(['bash', 'base64', 'od', 'xxd', 'openssl', 'jq', 'md5sum', 'sha256sum', 'sha512sum'], CASES, FILES)
})
