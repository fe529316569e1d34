// The processes of a container as its PID namespace numbers them: PID 1 is the main process (the
// pod's command and args, else the image's entrypoint and cmd); every process started in it
// (each kubectl exec, each program a shell there starts) takes the next PID of the container's
// counter, which the kubelet keeps in the pod's record so it survives a save and reload.
// Imitates: the kernel's PID allocation in a new PID namespace (pid 1, then increasing) and the
// runtime's exec (runc starting the process in the container's namespaces).

import type { PsProcess } from './ps'
import type { ContainerRecord } from '../state'
import { runStateAt, type RestartPolicy } from '../timeline'

/** The PIDs of one exec'd process and its container. */
export interface ContainerPids {
  /** PID 1's command line, and the seconds it has run. */
  init: string[]
  initElapsed: number
  /** This exec'd process: its PID and command line. */
  pid: number
  argv: string[]
  /** A new PID in the container, for a process this one starts. */
  spawn(): number
}

/**
 * PID 1's /proc/1/cmdline from the argv the runtime started: the images' entrypoint scripts exec
 * their command line (as program.ts reads them), and nginx's master process retitles itself
 * (ngx_setproctitle: `nginx: master process` and its argv). Its workers are not shown.
 */
export function initCmdline(argv: string[]): string[] {
  const a = argv[0] === '/docker-entrypoint.sh' || argv[0] === '/entrypoint.sh' ? argv.slice(1) : argv
  if (a.length && a[0].slice(a[0].lastIndexOf('/') + 1) === 'nginx') return [`nginx: master process ${a.join(' ')}`]
  return a
}

/** A process started by the exec'd one (a shell's command or background job). */
export interface Child {
  pid: number
  argv: string[]
  /** The one running now (ps itself): R; the rest sleep. */
  running?: boolean
  /** Seconds since it started (a background job). */
  elapsed?: number
}

/** /dev/pts/0 (`kubectl exec -t`): the terminal the exec'd process and its children have. */
const PTS0: [number, number] = [136, 0]

// UNVERIFIED: memory sizes (KiB) in the range Alpine's busybox and agnhost show; nothing in the lab measures them.
function memory(argv: string[]): { vsz: number; rss: number } {
  const prog = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1)
  if (prog === 'agnhost') return { vsz: 742_564, rss: 12_644 }
  if (prog === 'bash') return { vsz: 2_572, rss: 2_116 }
  if (prog === 'curl') return { vsz: 9_140, rss: 5_432 }
  return { vsz: 1_628, rss: 924 }
}

/**
 * The process table ps reads: PID 1, the exec'd process and its children. The exec'd process is
 * a session leader (runc makes it one); the children of an interactive shell (job control) lead
 * process groups of their own, those of `sh -c` stay in the shell's.
 */
export function processTable(pids: ContainerPids, tty: boolean, children: Child[] = [], jobControl = false): PsProcess[] {
  const t = tty ? PTS0 : undefined
  const out: PsProcess[] = [
    { pid: 1, ppid: 0, pgid: 1, sid: 1, argv: pids.init, state: 'S', elapsed: pids.initElapsed, ...memory(pids.init) },
  ]
  if (pids.pid !== 1) {
    const self = children.length === 0
    out.push({ pid: pids.pid, ppid: 0, pgid: pids.pid, sid: pids.pid, argv: pids.argv, state: self ? 'R' : 'S', tty: t, elapsed: 0, ...memory(pids.argv) })
  }
  for (const c of children) {
    out.push({
      pid: c.pid, ppid: pids.pid, pgid: jobControl ? c.pid : pids.pid, sid: pids.pid, argv: c.argv,
      state: c.running ? 'R' : 'S', tty: t, elapsed: c.elapsed ?? 0, ...memory(c.argv),
    })
  }
  return out
}

/**
 * The PIDs of a process exec starts in a running container: the next of the container's counter
 * (kept in its record; a restarted container, a new PID namespace, counts from 1 again).
 */
export function execPids(c: ContainerRecord, policy: RestartPolicy, now: number, init: string[], argv: string[], changed?: () => void): ContainerPids {
  const start = c.startedAt ?? now
  const run = c.exit ? runStateAt(start, c.exit, policy, now).current : { index: 0, startedAt: start }
  const spawn = () => {
    const last = c.lastPid && c.lastPid.run === run.index ? c.lastPid.pid : 1
    c.lastPid = { run: run.index, pid: last + 1 }
    changed?.()
    return last + 1
  }
  return { init, initElapsed: Math.max(0, (now - run.startedAt) / 1000), pid: spawn(), argv, spawn }
}
