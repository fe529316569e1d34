// Differential test: the workstation's ls against GNU coreutils 9.1 ls, in one bash process, over the
// same files (each case makes its own folders). The lab's files carry no times of their own, so -l's
// date column is masked in both; everything else is compared byte for byte. Piped through cat:
// not to a terminal, ls lists one name per line.
import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

// (in a folder of their own: the lab's home holds more)
const FILES: Record<string, string> = {
  'w/a.txt': 'hello\n',
  'w/big.bin': 'x'.repeat(5601),
  'w/huge.dat': 'y'.repeat(123456),
  'w/.hidden': 'h',
  'w/B': '',
}
const SETUP = 'cd w && mkdir -p sub/deeper empty .dot && printf 1 > sub/one && printf 22 > sub/deeper/two; '
const DATE = ` | sed -E 's/[A-Z][a-z]{2} [ 0-9][0-9] ( [0-9]{4}|[0-9]{2}:[0-9]{2})/DATE/'`
const piped = (args: string) => `${SETUP}ls ${args} | cat`
const long = (args: string) => `${SETUP}ls ${args}${DATE}`

// -t: every file the same time (the lab keeps none; touch -d gives the real ones one), so by name
const SAME_TIME = 'touch -d @1767225600 * .[a-z]* sub/* sub/deeper/*; '
const CASES = [
  piped(''), piped('-a'), piped('-A'), piped('-r'), piped('-S'), piped('-F'), piped('-p'), piped('-1 sub'),
  `${SETUP}${SAME_TIME}ls -t | cat`, `${SETUP}${SAME_TIME}ls -tr | cat`, `${SETUP}${SAME_TIME}ls -ltr${DATE}`,
  piped('-R'), piped('-Ra'), piped('-R sub'), piped('-d sub empty'), piped('-dR sub'), piped('sub empty'), piped('a.txt nope sub'),
  // (-A, not -a, at the top: `..` is the lab's home there, with more in it than the real one's)
  long('-l'), long('-lA'), long('-lh'), long('-lAh'), long('-la sub'), long('-lS'), long('-lSr'), long('-lR'), long('-ln'), long('-lF'), long('-lhd sub'),
  long('-l sub sub/deeper'), long('-lh huge.dat big.bin'),
  piped('-Z'), long('-lZ'), piped('--human'), piped('--nosuch'), piped('-y'),
]

describe('ls agrees with GNU coreutils 9.1', () => {
  agreesWithRealTools(['ls', 'sed'], CASES, FILES)
})

// touch keeps no times in the lab, but takes and checks its time options as coreutils does
const TOUCH = [
  'touch -d nonsense x; echo $?; ls | cat', 'touch -t 99 x; echo $?; ls | cat', 'touch -t 202613011200 x; echo $?', 'touch -r nope x; echo $?; ls | cat',
  "touch -d '2026-01-01 00:00' x && ls x", 'touch -t 202601011200.30 y && ls y', 'touch -r a.txt z && ls z',
  'touch -h missing; echo $?', 'touch -c missing; echo $?; ls | cat', 'touch --time=bad x; echo $?', 'touch -am --time=mtime q && ls q', 'touch -d',
].map((l) => `cd w; ${l}`)

describe('touch agrees with GNU coreutils 9.1', () => {
  agreesWithRealTools(['touch', 'ls'], TOUCH, FILES)
})
