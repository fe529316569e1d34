// Differential test: find against GNU findutils 4.9, in one bash process. The real find walks a
// directory in the file system's order, the lab's by name: lines that print several names are sorted.
import { describe, expect, test } from 'vitest'
import { newShell } from '../testSupport'
import { agreesWithRealTools } from './diffSupport'

const FILES: Record<string, string> = { 'w/a/f.pem': 'x', 'w/a/b/g.txt': 'y', 'w/e': '', 'w/a/B.PEM': 'z' }
const CASES = [
  'find . | sort', 'find a -name "*.pem"', 'find . -type d | sort', 'find . -type f -name "*.txt"', 'find . -maxdepth 1 | sort',
  'find . -mindepth 2 | sort', 'find nope; echo $?', 'find . -foo; echo $?', 'find . -name; echo $?', 'find . -type x; echo $?',
  'find . -name "*.pem" -o -name "*.txt" | sort', 'find . ! -type d | sort', 'find . -not -name "*.*" | sort', 'find . -empty | sort',
  'find . -iname "*.pem" | sort', 'find . -path "./a/*" | sort', 'find a/ -type f | sort', 'find . -maxdepth x; echo $?',
  'find . \\( -name e -o -name g.txt \\) -print | sort', 'find a e | sort', 'find a -name "*.pem" -print -o -print | sort',
  'find . -type f -print0 | tr "\\0" "\\n" | sort', 'find . -name "*.txt" -a -type f', 'find . -maxdepth 0', 'find e nope a/b; echo $?',
  // -exec: once per file ({} anywhere in an argument), or once with all the names ({} +); a command that fails is false
  'find . -name "*.txt" -exec cat {} \\;', 'find . -name "g.txt" -exec echo "[{}]" "x{}y" \\;', 'find . -type f -exec grep -l y {} \\; -print',
  'find a/b -exec echo X {} +; echo $?', 'find . -name e -exec false \\; ; echo $?', 'find . -name e -exec false {} + ; echo $?',
  'find . -maxdepth 0 -exec nosuch \\; ; echo $?', 'find . -exec; echo $?', 'find . -exec echo {}; echo $?', 'find . -name e -exec echo {} + -o -print | sort',
  'find . -o -name x; echo $?', 'find . -name x -o; echo $?', 'find . \\( -name x; echo $?', 'find . -name e x; echo $?', 'find -name e', 'find . -name x -a; echo $?', 'find . !; echo $?', 'find . -a -name x; echo $?',
]

describe('find agrees with GNU findutils 4.9', () => {
  agreesWithRealTools(['find', 'sort', 'tr'], CASES.map((l) => `cd w; ${l}`), FILES)
})

describe('find in the lab', () => {
  test('-delete and the other actions it does not have: it says so, and what works instead', async () => {
    const r = await newShell({ '/root/w/e': '' }).run('find w -name e -delete')
    expect(r).toEqual({ stdout: '', stderr: "find: -delete is not available in this lab; print the names and pipe them on, as in: find . -name '*.pem' | xargs cat\n", exitCode: 1 })
  })
})
