// Imitates: bash/builtins/jobs.def, wait.def, kill.def and fg_bg.def over the lab's job table
// (src/shell/jobs.ts). Waiting for a job moves the lab clock to the job's end, as sleep does.
// fg waits for the job as bash does once the job is in the foreground (it prints the command);
// the lab has no stopped jobs, so there is nothing for bg to resume.

import { SIGNALS, type Job } from '../jobs'
import type { BuiltinCall } from './host'

const exitOf = (j: Job) => (j.signal !== undefined ? 128 + j.signal : j.status)

/** Move the lab clock to the job's end (if it runs still): what waiting for it means in the lab. */
async function waitFor(c: BuiltinCall, job: Job): Promise<number> {
  const lab = c.h.jobs.lab()
  const now = lab.now()
  if (c.h.jobs.table.running(job, now)) await lab.advance(job.end - now)
  return exitOf(job)
}

export async function waitBuiltin(c: BuiltinCall): Promise<number> {
  const { table } = c.h.jobs
  let args = c.argv.slice(1)
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    if (args[0] === '--') {
      args = args.slice(1)
      break
    }
    if (!/^-[fn]+$/.test(args[0])) {
      c.err(`bash: wait: ${args[0].slice(0, 2)}: invalid option\nwait: usage: wait [-fn] [-p var] [id ...]\n`)
      return 2
    }
    args = args.slice(1)
  }
  let status = 0
  const waited: Job[] = []
  if (args.length === 0) {
    for (const j of table.all()) {
      await waitFor(c, j)
      waited.push(j)
    }
  }
  for (const a of args) {
    const job = /^(%.*|\d+)$/.test(a) ? table.find(a) : undefined
    if (!job) {
      if (a.startsWith('%')) c.err(`bash: wait: ${a}: no such job\n`)
      else if (/^\d+$/.test(a)) c.err(`bash: wait: pid ${a} is not a child of this shell\n`)
      else {
        c.err(`bash: wait: \`${a}': not a pid or valid job spec\n`)
        status = 1
        continue
      }
      status = 127
      continue
    }
    status = await waitFor(c, job)
    waited.push(job)
  }
  // An interactive bash tells what ended right away; a script's wait reaps the jobs silently.
  if (c.h.jobs.interactive) c.h.jobs.notify(c.io)
  else {
    c.h.jobs.release()
    for (const j of waited) table.remove(j)
  }
  return status
}

export function jobsBuiltin(c: BuiltinCall): number {
  const { table } = c.h.jobs
  let args = c.argv.slice(1)
  const flags = new Set<string>()
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    if (args[0] === '--') {
      args = args.slice(1)
      break
    }
    const bad = args[0].slice(1).split('').find((f) => !'lnprs'.includes(f))
    if (bad !== undefined) {
      c.err(`bash: jobs: -${bad}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`)
      return 2
    }
    for (const f of args[0].slice(1)) flags.add(f)
    args = args.slice(1)
  }
  c.h.jobs.release()
  const now = c.h.jobs.lab().now()
  let status = 0
  let jobs: Job[] = [...table.all()]
  if (args.length) {
    jobs = []
    for (const a of args) {
      const j = table.find(a.startsWith('%') ? a : `%${a}`)
      if (j) jobs.push(j)
      else {
        c.err(`bash: jobs: ${a}: no such job\n`)
        status = 1
      }
    }
  }
  if (flags.has('r')) jobs = jobs.filter((j) => table.running(j, now))
  if (flags.has('s')) jobs = [] // the lab never stops a job
  c.out(jobs.map((j) => (flags.has('p') ? `${j.pid}\n` : table.line(j, now, flags.has('l')))).join(''))
  // Listed as ended: reported, so they leave the table (no notice at the prompt then).
  for (const j of jobs) if (!table.running(j, now)) table.remove(j)
  return status
}

function pickJob(c: BuiltinCall, name: 'fg' | 'bg'): Job | number {
  if (!c.h.jobs.interactive) {
    c.err(`bash: ${name}: no job control\n`)
    return 1
  }
  const spec = c.argv[1]
  const job = c.h.jobs.table.find(spec === undefined ? '%+' : spec.startsWith('%') ? spec : `%${spec}`)
  if (!job) {
    c.err(`bash: ${name}: ${spec ?? 'current'}: no such job\n`)
    return 1
  }
  if (!c.h.jobs.table.running(job, c.h.jobs.lab().now())) {
    c.err(`bash: ${name}: job has terminated\n`)
    return 1
  }
  return job
}

export async function fgBuiltin(c: BuiltinCall): Promise<number> {
  const job = pickJob(c, 'fg')
  if (typeof job === 'number') return job
  c.out(`${job.text}\n`)
  const status = await waitFor(c, job)
  c.h.jobs.release()
  c.h.jobs.table.remove(job)
  return status
}

export function bgBuiltin(c: BuiltinCall): number {
  const job = pickJob(c, 'bg')
  if (typeof job === 'number') return job
  c.err(`bash: bg: job ${job.id} already in background\n`)
  return 0
}

const KILL_L = ` 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP
 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1
11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM
16) SIGSTKFLT\t17) SIGCHLD\t18) SIGCONT\t19) SIGSTOP\t20) SIGTSTP
21) SIGTTIN\t22) SIGTTOU\t23) SIGURG\t24) SIGXCPU\t25) SIGXFSZ
26) SIGVTALRM\t27) SIGPROF\t28) SIGWINCH\t29) SIGIO\t30) SIGPWR
31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3
38) SIGRTMIN+4\t39) SIGRTMIN+5\t40) SIGRTMIN+6\t41) SIGRTMIN+7\t42) SIGRTMIN+8
43) SIGRTMIN+9\t44) SIGRTMIN+10\t45) SIGRTMIN+11\t46) SIGRTMIN+12\t47) SIGRTMIN+13
48) SIGRTMIN+14\t49) SIGRTMIN+15\t50) SIGRTMAX-14\t51) SIGRTMAX-13\t52) SIGRTMAX-12
53) SIGRTMAX-11\t54) SIGRTMAX-10\t55) SIGRTMAX-9\t56) SIGRTMAX-8\t57) SIGRTMAX-7
58) SIGRTMAX-6\t59) SIGRTMAX-5\t60) SIGRTMAX-4\t61) SIGRTMAX-3\t62) SIGRTMAX-2
63) SIGRTMAX-1\t64) SIGRTMAX\t
`
/** Signals by name beyond those a job table names (kill accepts them). */
const MORE: Record<string, number> = { ILL: 4, TRAP: 5, BUS: 7, FPE: 8, SEGV: 11, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, WINCH: 28 }

function signalNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s) <= 64 ? Number(s) : undefined
  const name = s.toUpperCase().replace(/^SIG/, '')
  return SIGNALS.find(([, n]) => n === name)?.[0] ?? MORE[name]
}

export async function killBuiltin(c: BuiltinCall): Promise<number> {
  let args = c.argv.slice(1)
  let sig = 15
  const usage = () => {
    c.err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n')
    return 2
  }
  if (args[0] === '-l' || args[0] === '-L') {
    if (args.length === 1) {
      c.out(KILL_L)
      return 0
    }
    const n = signalNumber(args[1])
    if (n === undefined) {
      c.err(`bash: kill: ${args[1]}: invalid signal specification\n`)
      return 1
    }
    const name = SIGNALS.find(([k]) => k === n)?.[1] ?? Object.entries(MORE).find(([, k]) => k === n)?.[0]
    c.out(/^\d+$/.test(args[1]) ? `${name}\n` : `${n}\n`)
    return 0
  }
  if (args[0] === '-s' || args[0] === '-n') {
    if (args.length < 2) return usage()
    const n = signalNumber(args[1])
    if (n === undefined) {
      c.err(`bash: kill: ${args[1]}: invalid signal specification\n`)
      return 1
    }
    sig = n
    args = args.slice(2)
  } else if (args[0]?.startsWith('-') && args[0] !== '--' && args[0] !== '-') {
    const n = signalNumber(args[0].slice(1))
    if (n === undefined) {
      c.err(`bash: kill: ${args[0].slice(1)}: invalid signal specification\n`)
      return 1
    }
    sig = n
    args = args.slice(1)
  }
  if (args[0] === '--') args = args.slice(1)
  if (args.length === 0) return usage()
  const { table } = c.h.jobs
  const now = c.h.jobs.lab().now()
  let status = 0
  for (const a of args) {
    const isPid = /^-?\d+$/.test(a)
    if (!isPid && !a.startsWith('%')) {
      c.err(`bash: kill: ${a}: arguments must be process or job IDs\n`)
      status = 1
      continue
    }
    const job = table.find(a)
    if (!job) {
      if (isPid && a === String(c.h.rt.pid)) {
        // An interactive bash ignores SIGTERM and SIGINT; anything that would end it is refused.
        if (sig !== 15 && sig !== 2 && sig !== 0) c.err(`bash: kill: (${a}) - the lab's own shell is not ended this way; \`lab reset\` starts the lab afresh\n`)
        continue
      }
      c.err(isPid ? `bash: kill: (${a}) - No such process\n` : `bash: kill: ${a}: no such job\n`)
      status = 1
      continue
    }
    if (!table.running(job, now)) {
      c.err(`bash: kill: (${job.pid}) - No such process\n`)
      status = 1
      continue
    }
    if (sig === 0 || sig === 18 || sig === 17 || sig === 23 || sig === 28) continue
    if (sig >= 19 && sig <= 22) {
      c.err(`bash: kill: the lab does not stop jobs: job ${job.id} keeps running (wait or fg waits for it, kill %${job.id} ends it)\n`)
      status = 1
      continue
    }
    job.signal = sig
    job.end = now
    job.held = job.held.filter((h) => h.at <= now)
  }
  return status
}
