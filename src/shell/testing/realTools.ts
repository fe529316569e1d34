// Test helper: the real tools (bash, python3, kubectl, ...) as oracles, run in batches. Starting a
// process costs far more than what the tests ask of it, so a suite hands all of its invocations to
// ONE bash process, which runs each in its own subshell (fresh shell state), with its own stdin,
// and writes its stdout, stderr and exit status to files of their own (so no output can be
// mistaken for a delimiter). Invocations may run a few at a time where they share nothing.
// A missing tool is a failure that names the tool, never a skipped test.

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bytesOf, stringOfBytes } from '../../common/bytes'

/**
 * Outputs are byte-faithful strings (src/common/bytes.ts): a byte that is not UTF-8 is kept as its
 * escape, never replaced, so comparing them with the lab's compares bytes.
 */
export interface Outcome {
  stdout: string
  stderr: string
  exitCode: number
}

/** One invocation: `argv` exec'd as it is, or `shell`, a line evaluated by the batch's bash in a subshell. */
export type Call = ({ argv: string[]; shell?: undefined } | { shell: string; argv?: undefined }) & {
  /** working directory (default: the batch's) */
  cwd?: string
  /** for `argv`: the whole environment of the program (default: the batch's) */
  env?: Record<string, string>
  /** bytes on stdin (default: /dev/null) */
  stdin?: string
}

export interface BatchOptions {
  /** the environment of the batch's bash (default: this process's) */
  env?: Record<string, string>
  /** how many invocations may run at once (default 1: in order) */
  parallel?: number
  /** bash text run once before the calls (functions the lines may use) */
  prelude?: string
  /** bash text run once after the calls */
  postlude?: string
  timeoutMs?: number
}

/** Quote one word for bash. */
export const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`

const which = (tool: string) => spawnSync('bash', ['-c', `command -v ${q(tool)}`], { encoding: 'utf8' }).stdout.trim()

/** Fail (throw) naming every tool of the list that is not installed. */
export function requireTools(...tools: string[]): void {
  const hasBash = spawnSync('bash', ['-c', 'true']).status === 0
  const missing = hasBash ? tools.filter((t) => (t.startsWith('/') ? spawnSync('test', ['-x', t]).status !== 0 : !which(t))) : tools
  if (missing.length) {
    throw new Error(`missing real tool(s) for this differential test: ${missing.join(', ')} (.ci/run installs them; see README "Development")`)
  }
}

/** Runs every call in one bash process; the outcomes in the order of the calls. */
export async function runBatch(calls: readonly Call[], opts: BatchOptions = {}): Promise<Outcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oracle-batch-'))
  try {
    const parallel = Math.max(1, opts.parallel ?? 1)
    const lines = ['set +e', '__running=0; __jobs=()', opts.prelude ?? '']
    calls.forEach((c, i) => {
      const input = c.stdin === undefined ? '/dev/null' : join(dir, `${i}.in`)
      if (c.stdin !== undefined) writeFileSync(input, bytesOf(c.stdin))
      const cd = c.cwd ? `cd -- ${q(c.cwd)} && ` : ''
      const body = c.argv
        ? `exec ${c.env ? `env -i ${Object.entries(c.env).map(([k, v]) => q(`${k}=${v}`)).join(' ')} ` : ''}${c.argv.map(q).join(' ')}`
        : `eval ${q(c.shell)}`
      const out = join(dir, String(i))
      const job = `{ ( ${cd}${body} ) <${q(input)} >${q(`${out}.out`)} 2>${q(`${out}.err`)}; echo $? >${q(`${out}.rc`)}; }`
      if (parallel === 1) lines.push(job)
      else lines.push(`${job} &`, '__jobs+=($!)', `__running=$((__running+1)); if ((__running >= ${parallel})); then wait -n; __running=$((__running-1)); fi`)
    })
    lines.push('if ((${#__jobs[@]})); then wait "${__jobs[@]}"; fi', opts.postlude ?? '', 'exit 0')
    await new Promise<void>((resolve, reject) => {
      const child = spawn('bash', ['-s'], {
        cwd: dir, env: opts.env ?? process.env, stdio: ['pipe', 'ignore', 'pipe'], timeout: opts.timeoutMs ?? 120_000, killSignal: 'SIGKILL',
      })
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
      child.on('error', reject)
      child.on('close', (code) => {
        if (code === 0) resolve()
        else reject(new Error(`the oracle batch's bash ended with ${code}: ${stderr}`))
      })
      child.stdin.end(lines.join('\n') + '\n')
    })
    return calls.map((_, i) => {
      const read = (ext: string) => stringOfBytes(readFileSync(join(dir, `${i}.${ext}`)))
      return { stdout: read('out'), stderr: read('err'), exitCode: Number(read('rc').trim()) }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// A python3 that stays up: the batch's lines call `python3 -m json.tool ...` as a shell function
// that hands argv, working directory and stdin to one real CPython, which runs the real json.tool
// module as `-m` would (runpy, SystemExit handled as the interpreter does) and answers with the
// exit status. Other python3 invocations run the binary.
const PY_SERVER = String.raw`
import os, runpy, sys, traceback
d = sys.argv[1]
enc = {s: (getattr(sys, s).encoding, getattr(sys, s).errors) for s in ('stdin', 'stdout', 'stderr')}
while True:
    with open(os.path.join(d, 'req'), 'rb') as f:
        parts = f.read().split(b'\0')[:-1]
    if not parts:
        break
    cwd, base, module, *args = [os.fsdecode(p) for p in parts]
    os.chdir(cwd)
    sys.stdin = open(base + '.in', 'r', encoding=enc['stdin'][0], errors=enc['stdin'][1])
    sys.stdout = open(base + '.out', 'w', encoding=enc['stdout'][0], errors=enc['stdout'][1])
    sys.stderr = open(base + '.err', 'w', encoding=enc['stderr'][0], errors=enc['stderr'][1])
    sys.argv = [module] + args
    rc = 0
    try:
        runpy.run_module(module, run_name='__main__', alter_sys=True)
    except SystemExit as e:
        if e.code is None:
            rc = 0
        elif isinstance(e.code, int):
            rc = e.code
        else:
            print(e.code, file=sys.stderr)
            rc = 1
    except BaseException:
        traceback.print_exc()
        rc = 1
    for s in (sys.stdin, sys.stdout, sys.stderr):
        try:
            s.close()
        except Exception:
            pass
    sys.modules.pop(module, None)
    with open(os.path.join(d, 'resp'), 'w') as f:
        f.write('%d\n' % rc)
`

/** Prelude and postlude for runBatch: `python3 -m MODULE ...` served by one long-lived python3. */
export function pythonServer(): { prelude: string; postlude: string } {
  const prelude = `
__pyq=$(mktemp -d)
mkfifo "$__pyq/req" "$__pyq/resp"
python3 -c ${q(PY_SERVER)} "$__pyq" </dev/null &
__pysrv=$!
python3() {
  if [ "$1" = -m ] && [ -n "$2" ]; then
    local __b="$__pyq/$BASHPID" __rc
    cat >"$__b.in"
    shift
    printf '%s\\0' "$PWD" "$__b" "$@" >"$__pyq/req"
    read -r __rc <"$__pyq/resp"
    cat "$__b.out"; cat "$__b.err" >&2
    rm -f "$__b.in" "$__b.out" "$__b.err"
    return "$__rc"
  fi
  command python3 "$@"
}
`
  const postlude = `: >"$__pyq/req"; wait "$__pysrv"; rm -rf "$__pyq"`
  return { prelude, postlude }
}
