// grep -r and -R against GNU grep 3.8: which files it reads below each directory, how it names
// them (relative to the operand; with no operand, the working directory without `./`), when it
// prints the file name (below a directory operand, even the only one), and its errors. A
// directory's files come in its own order in the real grep: each listing is sorted here, its
// status kept (PIPESTATUS).

import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

const FILES: Record<string, string> = {
  'd/f1': 'hello a\nbye\n',
  'd/sub/f2': 'hello b\n',
  'd/sub/f3': 'nope\n',
  'd/.hidden': 'hello hidden\n',
  'd/sub/deeper/f4': 'HELLO upper\nhello lower\n',
  top: 'hello top\n',
}

const sorted = (line: string) => `${line} | sort; echo "status \${PIPESTATUS[0]}"`

const CASES: string[] = [
  sorted('grep -r hello d'),
  sorted('grep -r hello d/'),
  sorted('grep -R hello d/sub'),
  sorted('grep --recursive hello .'),
  sorted('cd d && grep -r hello'),
  'grep -r hello top; echo "status $?"',
  sorted('grep -r hello top d/sub'),
  'grep hello d; echo "status $?"',
  sorted('grep -rl hello d'),
  sorted('grep -rc hello d'),
  sorted('grep -rh hello d'),
  'grep -rL hello d; echo "status $?"',
  sorted('grep -rHn -i HELLO d/sub'),
  sorted('grep -rv hello d'),
  'grep -rq hello d; echo "status $?"',
  'grep -r hello nothere; echo "status $?"',
  'grep -rs hello nothere; echo "status $?"',
  'mkdir -p empty; grep -r hello empty; echo "status $?"',
  'echo hello there | grep -r hello -; echo "status $?"',
  sorted('grep -r -e nope -e bye d'),
  sorted('grep -r -o hel d/sub'),
]

describe('grep -r against GNU grep 3.8', () => {
  agreesWithRealTools(['grep', 'sort'], CASES, FILES)
})
