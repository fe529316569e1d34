// timeout on the workstation against coreutils 9.1's: its words and statuses. The real one waits
// on the wall clock (a tenth of a second here), the lab's on the lab clock; what is compared is what
// each prints and the status. (-s KILL is left out: the real timeout sends KILL to its own process
// group, itself included, and bash reports it killed; the lab has no process groups.)
import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

const CASES = [
  'timeout; echo "rc=$?"', 'timeout 5; echo "rc=$?"', 'timeout x true; echo "rc=$?"', 'timeout 1x true; echo "rc=$?"', 'timeout --bogus 1 true; echo "rc=$?"',
  'timeout -s FOO 1 true; echo "rc=$?"', 'timeout -s 99 1 true; echo "rc=$?"', 'timeout 1 nope; echo "rc=$?"', 'timeout 1 cd /; echo "rc=$?"', 'timeout 1 true; echo "rc=$?"',
  'timeout 1 false; echo "rc=$?"', 'timeout 0 true; echo "rc=$?"', 'timeout -- 1 true; echo "rc=$?"', 'timeout 1m echo hi; echo "rc=$?"', 'timeout 0.1 sleep 1; echo "rc=$?"',
  'timeout --preserve-status 0.1 sleep 1; echo "rc=$?"', 'timeout -s INT 0.1 sleep 1; echo "rc=$?"', 'timeout -s HUP --preserve-status 0.1 sleep 1; echo "rc=$?"',
  'timeout -v 0.1 sleep 1; echo "rc=$?"', 'timeout -v -s SIGUSR1 0.1 sleep 1; echo "rc=$?"', 'timeout -k 1 0.1 sleep 1; echo "rc=$?"', 'timeout -k x 1 true; echo "rc=$?"',
  'timeout --kill-after=1 --signal=TERM 0.1 sleep 1; echo "rc=$?"', 'timeout --foreground 1 true; echo "rc=$?"', 'timeout 1 sleep x; echo "rc=$?"', 'timeout --version | head -1',
  'timeout 1 -x; echo "rc=$?"',
]

describe('timeout agrees with GNU coreutils 9.1', () => {
  agreesWithRealTools(['timeout', 'sleep', 'head'], CASES)
})
