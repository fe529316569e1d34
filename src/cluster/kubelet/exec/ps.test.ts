// busybox ps (ps.ts) against the real busybox on this machine where it can show the same thing:
// the usage, the -o errors, the headers of -o lists, and a whole row of one process read from
// /proc (one batch). Debian's busybox 1.35 is built with glibc, without FEATURE_PS_TIME and with
// FEATURE_SHOW_THREADS (-T), where Alpine's is the other way round: the TIME/ELAPSED columns are
// checked against procps/ps.c's format_time, the first line of an option error against musl's
// getopt (Alpine's libc), and the usage without ps.c's IF_FEATURE_SHOW_THREADS parts.
import { describe, expect, it } from 'vitest'
import { requireTools, runBatch } from '../../../shell/testing/realTools'
import { toolOf } from './rootfs'
import { formatTime, PS_USAGE, ps, readCmdline, ulltoa4, type PsProcess } from './ps'

const HEADERS = [
  'pid,user,args', 'pid,user=,args=CMD', 'user=U,comm=C,pid=P', 'args,pid', 'pid,args,ppid',
  'user=,pid=X', 'pid,ppid,pgid,sid,tty,vsz,rss,stat,nice,rgroup,ruser,group,comm,args', 'rgroupXYZ,pid', 'pid=A,B',
]
const COLS = 'pid,ppid,pgid,sid,user,group,comm,nice,rgroup,ruser,tty,vsz,stat,rss,args'

/**
 * A sleep of the batch and its row as busybox ps prints it, then its /proc/PID/stat (the same
 * before and after ps: a sleep still starting up on a busy machine may change its state or RSS).
 */
const ROW = `sleep 1000 & P=$!; while [ "$(cat /proc/$P/comm)" != sleep ]; do :; done
for i in 1 2 3 4 5 6 7 8 9 10; do sleep 0.1; A=$(cat /proc/$P/stat); R=$(busybox ps -o ${COLS} | awk -v p=$P '$1==p'); [ "$A" = "$(cat /proc/$P/stat)" ] && break; done
echo "$R"; echo "$A"; busybox ps -o pid,args=CMD | awk -v p=$P '$1==p'; kill $P`

function fromStat(stat: string): PsProcess {
  const pid = Number(stat.slice(0, stat.indexOf(' ')))
  const f = stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ')
  const tty = Number(f[4])
  return {
    pid, ppid: Number(f[1]), pgid: Number(f[2]), sid: Number(f[3]), argv: ['sleep', '1000'], state: f[0], elapsed: 0,
    tty: tty ? [(tty >> 8) & 0xfff, (tty & 0xff) | ((tty >> 12) & 0xfff00)] : undefined,
    vsz: Math.floor(Number(f[20]) / 1024), rss: Number(f[21]) * 4,
  }
}

/**
 * The row as it would read at niceness 0: npm test may start the unit suite at nice 19 and the
 * real sleep inherits it (NI 19, STAT's N), while the lab's processes have no niceness. NI is the
 * 5 columns after COMMAND's 16 (`sleep` here), and the N follows the state letter(s) in STAT.
 */
function atNiceZero(row: string, nice: number): string {
  if (nice === 0) return row
  const ni = row.indexOf(' sleep ') + 1 + 16 + 1
  expect(row.slice(ni, ni + 5)).toBe(String(nice).padStart(5))
  const flag = nice > 0 ? 'N' : '<'
  const out = `${row.slice(0, ni)}    0${row.slice(ni + 5)}`.replace(new RegExp(`(?<= [A-Z]W?)${flag}(?= )`), ' ')
  expect(out).not.toBe(row)
  return out
}

const proc = (pid: number, argv: string[], over: Partial<PsProcess> = {}): PsProcess =>
  ({ pid, ppid: 0, pgid: pid, sid: pid, argv, state: 'S', elapsed: 0, vsz: 1628, rss: 924, ...over })

describe('busybox ps against the real busybox', () => {
  it('usage, option errors, -o errors, headers and one process row', async () => {
    requireTools('busybox', 'awk')
    const calls = [
      'busybox ps --help', 'busybox ps -x', 'busybox ps -o', 'busybox ps -o foo', 'busybox ps -o pid,,args', "busybox ps -o 'pid args'",
      'busybox ps aux | head -1', 'busybox ps -ef -A -a -d -l | head -1', 'busybox ps -o pid=,user= | head -1',
      ...HEADERS.map((h) => `busybox ps -o '${h}' | head -1`),
      ROW,
    ]
    const real = await runBatch(calls.map((shell) => ({ shell })))
    const at = (line: string) => real[calls.indexOf(line)]
    const none: PsProcess[] = []

    // ps_trivial_usage's IF_FEATURE_SHOW_THREADS(" [-T]") and ps_full_usage's -T line are not in Alpine's
    const debian = at('busybox ps --help')
    const alpine = debian.stderr.replace(' [-T]\n', '\n').replace('\t-T\t\t\tShow threads\n', '')
    expect(alpine).not.toBe(debian.stderr)
    expect({ ...debian, stderr: alpine }).toEqual({ stdout: '', stderr: PS_USAGE, exitCode: 0 })
    expect(ps('ps', ['--help'], none)).toEqual({ stdout: '', stderr: PS_USAGE, exitCode: 0 })
    expect(ps('ps', ['-T'], none).stderr).toBe(`ps: unrecognized option: T\n${PS_USAGE}`)
    // getopt32 calls bb_show_usage on '?': the usage after the libc's line. musl's getopt
    // (src/misc/getopt.c) words that line `ps: unrecognized option: x` where glibc says
    // `ps: invalid option -- 'x'`, and `option requires an argument: o` for `-- 'o'`.
    const x = ps('ps', ['-x'], none)
    expect(x.stderr.split('\n').slice(1).join('\n')).toBe(PS_USAGE)
    expect(at('busybox ps -x').stderr.split('\n').slice(1).join('\n')).toBe(debian.stderr)
    expect(x.stderr.split('\n')[0]).toBe('ps: unrecognized option: x')
    expect(at('busybox ps -x').stderr.split('\n')[0]).toBe("ps: invalid option -- 'x'")
    expect(x.exitCode).toBe(at('busybox ps -x').exitCode)
    const o = ps('ps', ['-o'], none)
    expect(o.stderr.split('\n').slice(1).join('\n')).toBe(PS_USAGE)
    expect(at('busybox ps -o').stderr.split('\n').slice(1).join('\n')).toBe(debian.stderr)
    expect(o.stderr.split('\n')[0]).toBe('ps: option requires an argument: o')
    expect(o.exitCode).toBe(1)

    // Alpine's list has FEATURE_PS_TIME's etime and time where out_spec puts them (after pgid, after ruser)
    for (const [line, arg] of [['busybox ps -o foo', 'foo'], ['busybox ps -o pid,,args', 'pid,,args'], ["busybox ps -o 'pid args'", 'pid args']]) {
      const r = at(line)
      const alpine = r.stderr.replace(',pgid,', ',pgid,etime,').replace(',ruser,', ',ruser,time,')
      expect(alpine).not.toBe(r.stderr)
      expect(ps('ps', ['-o', arg], none)).toEqual({ stdout: '', stderr: alpine, exitCode: r.exitCode })
    }

    // options are accepted and ignored, operands too (the default columns; Debian's lack TIME)
    expect(at('busybox ps aux | head -1').stdout).toBe('PID   USER     COMMAND\n')
    expect(at('busybox ps -ef -A -a -d -l | head -1').stdout).toBe('PID   USER     COMMAND\n')
    expect(ps('ps', ['aux'], none).stdout).toBe('PID   USER     TIME  COMMAND\n')
    expect(ps('ps', ['-ef', '-A', '-a', '-d', '-l'], none).stdout).toBe('PID   USER     TIME  COMMAND\n')

    // every header empty: no header line
    expect(at('busybox ps -o pid=,user= | head -1').stdout).toMatch(/^ +1 root\n$/)
    expect(ps('ps', ['-o', 'pid=,user='], [proc(1, ['sh'])]).stdout).toBe('    1 root\n')
    for (const h of HEADERS) {
      expect({ h, out: ps('ps', ['-o', h], none).stdout }).toEqual({ h, out: at(`busybox ps -o '${h}' | head -1`).stdout })
    }

    const [niced, stat, narrow] = at(ROW).stdout.split('\n')
    expect(niced).toMatch(/ sleep +.* sleep 1000$/)
    const row = atNiceZero(niced, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]))
    expect(ps('ps', ['-o', COLS], [fromStat(stat)]).stdout.split('\n')[1]).toBe(row)
    // args 3 wide: read_cmdline's `{comm}` cut to the column (argv[0] cut short no longer names comm)
    expect(narrow).toMatch(/^ *\d+ \{sl$/)
    expect(ps('ps', ['-o', 'pid,args=CMD'], [fromStat(stat)]).stdout.split('\n')[1]).toBe(narrow)
  })
})

describe('what the real busybox cannot show here', () => {
  it('the default columns, with TIME (pid,user,time,args), in PID order', () => {
    const out = ps('ps', [], [proc(12, ['ps'], { state: 'R' }), proc(1, ['/agnhost', 'pause']), proc(7, ['sh'])])
    expect(out).toEqual({
      stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 /agnhost pause\n    7 root      0:00 sh\n   12 root      0:00 ps\n',
      stderr: '', exitCode: 0,
    })
  })

  it('format_time (procps/ps.c): mm:ss under an hour, hhHmm under a day, ddDhh under 100 days, then NNNNd', () => {
    // "%2u:%02u" of minutes and seconds
    expect(formatTime(0)).toBe(' 0:00')
    expect(formatTime(59)).toBe(' 0:59')
    expect(formatTime(61)).toBe(' 1:01')
    expect(formatTime(3599)).toBe('59:59')
    // "%2uh%02u" of hours and minutes
    expect(formatTime(3600)).toBe(' 1h00')
    expect(formatTime(86399)).toBe('23h59')
    // "%2ud%02u" of days and hours
    expect(formatTime(86400)).toBe(' 1d00')
    expect(formatTime(99 * 86400 + 23 * 3600)).toBe('99d23')
    // "%4lud" of days
    expect(formatTime(100 * 86400)).toBe(' 100d')
    // snprintf(buf, size+1): cut to the column (ELAPSED is 7 wide, TIME 5)
    expect(formatTime(12345 * 86400)).toBe('12345')
    expect(formatTime(12345 * 86400, 7)).toBe('12345d')
  })

  it('TIME and ELAPSED columns', () => {
    const out = ps('ps', ['-o', 'pid,etime,time,args'], [proc(1, ['sleep', '3600'], { elapsed: 3725 })])
    expect(out.stdout).toBe('PID   ELAPSED TIME  COMMAND\n    1  1h02    0:00 sleep 3600\n')
  })

  it('smart_ulltoa4 with " mgtpezy" (libbb/human_readable.c): VSZ and RSS in KiB', () => {
    expect(ulltoa4(0)).toBe('   0')
    expect(ulltoa4(1628)).toBe('1628')
    expect(ulltoa4(9999)).toBe('9999')
    // 10000 KiB: 100000/1024 = 97 tenths of a MiB
    expect(ulltoa4(10000)).toBe('9.7m')
    expect(ulltoa4(49152)).toBe(' 48m')
    expect(ulltoa4(742_564)).toBe('725m')
    expect(ulltoa4(2_000_000)).toBe('1.9g')
  })

  it('read_cmdline: control characters as spaces, {comm} when argv[0] names another program, [comm] when empty', () => {
    expect(readCmdline(proc(1, ['sh', '-c', 'echo a\nb']), 2049)).toBe('sh -c echo a b')
    expect(readCmdline(proc(1, ['/bin/sh', '/run.sh'], { comm: 'run.sh' }), 2049)).toBe('{run.sh} /bin/sh /run.sh')
    // a login shell: argv[0] `-sh`, comm `sh` (the kernel names it after the file exec'd)
    expect(readCmdline(proc(1, ['-sh'], { comm: 'sh' }), 2049)).toBe('-sh')
    expect(readCmdline(proc(1, [], { comm: 'kthreadd' }), 2049)).toBe('[kthreadd]')
  })

  it('a terminal cuts each line one short of its width and drops the columns past it', () => {
    const long = proc(1, ['sh', '-c', 'x'.repeat(100)])
    const lines = ps('ps', [], [long], 80).stdout.split('\n')
    expect(lines[1]).toHaveLength(79)
    expect(ps('ps', [], [long]).stdout.split('\n')[1]).toHaveLength(21 + 106)
    expect(ps('ps', ['-o', 'args,pid'], [long], 80).stdout.split('\n')[0]).toBe('COMMAND')
  })

  it('which images have it: busybox-based ones, not Debian-based ones', () => {
    expect(toolOf('registry.k8s.io/e2e-test-images/agnhost:2.45', 'ps')?.busybox ?? false).toBe(true)
    expect(toolOf('busybox:1.36', 'ps')?.busybox ?? false).toBe(true)
    expect(toolOf('alpine', 'ps')?.busybox ?? false).toBe(true)
    expect(toolOf('nginx:1.27-alpine', 'ps')?.busybox ?? false).toBe(true)
    expect(toolOf('nginx:1.27', 'ps')?.busybox ?? false).toBe(false)
    expect(toolOf('nginx', 'ps')?.busybox ?? false).toBe(false)
  })
})
