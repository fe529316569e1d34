// ps in a container's shell: busybox ps (src/cluster/kubelet/exec/ps.ts) over PID 1, the shell
// kubectl exec started, the background jobs of that shell still running and ps itself, which
// takes the next PID of the container (as the shell's fork and exec would).

import type { CommandSpec } from '../shell/types'
import type { Job } from '../shell/jobs'
import { TTY_COLUMNS, type ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import type { ContainerPids } from '../cluster/kubelet/exec/procs'
import { processTable, type Child } from '../cluster/kubelet/exec/procs'
import { ps } from '../cluster/kubelet/exec/ps'
import { parseScript } from '../shell/parser/parser'
import type { Word } from '../shell/parser/ast'

/**
 * Whether `sh -c SCRIPT` ends by exec'ing ps in its own process, as ash does with the last
 * command of a -c string (evalstring with EV_EXIT: no fork). Recognised for a list of simple
 * commands joined by `;` whose last one, and only that one, is ps.
 */
export function execsPs(script: string): boolean {
  const s = parseScript(script)
  if (s.error) return false
  const items = s.chunks.flatMap((c) => c.items)
  const names: (string | undefined)[] = []
  for (const item of items) {
    if (item.background || item.rest.length || item.first.negated || item.first.commands.length !== 1) return false
    const cmd = item.first.commands[0]
    if (cmd.kind !== 'simple') return false
    names.push(literal(cmd.words[0]))
  }
  const isPs = (n: string | undefined) => n === 'ps' || n?.endsWith('/ps') === true
  return names.length > 0 && isPs(names[names.length - 1]) && names.filter(isPs).length === 1
}

const literal = (w: Word | undefined) => (w && w.parts.every((p) => p.kind === 'lit') ? w.parts.map((p) => (p as { text: string }).text).join('') : undefined)

const SHELL_BUILTINS = new Set(['cd', 'echo', 'printf', 'test', '[', 'true', 'false', 'read', 'wait', 'kill', 'exit', 'export', 'set', 'eval', ':', '.', 'source'])

/**
 * The command line of a background job's process: a plain simple command (`sleep 100`) is the
 * program the shell's fork exec'd; anything else (a list, a builtin, expansions) is a forked
 * copy of the shell, which keeps the shell's command line.
 */
export function jobArgv(text: string, shellArgv: string[]): string[] {
  if (!/^[A-Za-z0-9_./-]+(?:\s+[A-Za-z0-9_./=:,+@%-]+)*$/.test(text)) return shellArgv
  const words = text.split(/\s+/)
  return SHELL_BUILTINS.has(words[0]) ? shellArgv : words
}

/**
 * ps for a shell run by kubectl exec in a container; `jobs` are its shell's background jobs, and
 * `execd.tail` is set when the shell's -c string ends by exec'ing this ps (execsPs).
 */
export function containerPs(p: ContainerProcess, jobs: () => readonly Job[], execd: { tail: boolean } = { tail: false }): CommandSpec {
  return {
    name: 'ps', summary: 'ps', usage: 'ps [-o COL1,COL2=HEADER]',
    async run(ctx) {
      const pids: ContainerPids = p.pids ?? { init: ['sh'], initElapsed: 0, pid: 1, argv: ['sh'], spawn: () => 2 }
      // on the terminal ps cuts its lines at one column short of its width
      const width = p.tty && ctx.stdoutIsTTY ? TTY_COLUMNS : undefined
      if (execd.tail) {
        // the shell's process became ps: same PID, ps's command line
        const out = ps(ctx.argv[0], ctx.argv.slice(1), processTable({ ...pids, argv: ctx.argv }, p.tty), width)
        ctx.stdout(out.stdout)
        ctx.stderr(out.stderr)
        return out.exitCode
      }
      const now = ctx.lab.now()
      const children: Child[] = jobs()
        .filter((j) => j.signal === undefined && now < j.end)
        .map((j) => ({ pid: j.pid, argv: jobArgv(j.text, pids.argv), elapsed: (now - j.start) / 1000 }))
      children.push({ pid: pids.spawn(), argv: ctx.argv, running: true })
      const interactive = p.tty && !pids.argv.includes('-c')
      const out = ps(ctx.argv[0], ctx.argv.slice(1), processTable(pids, p.tty, children, interactive), width)
      ctx.stdout(out.stdout)
      ctx.stderr(out.stderr)
      return out.exitCode
    },
  }
}
