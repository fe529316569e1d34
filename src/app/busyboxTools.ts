// The applets of a busybox-based image's shell (Alpine, busybox, agnhost ...): ls over the
// container's own tree with the shell's changes, wc, base64 -d, id, touch as busybox has them,
// and the workstation's GNU modules for the rest with busybox's wording (busyboxReworded.ts).
// Imitates: busybox coreutils/wc.c, coreutils/id.c and coreutils/touch.c.

import type { CommandContext, CommandSpec } from '../shell/types'
import { TTY_COLUMNS, type ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { ls } from '../cluster/kubelet/exec/ls'
import { bytesOf } from '../common/bytes'
import { busyboxBase64 } from './busyboxBase64'
import { BUSYBOX_USAGE } from './busyboxUsage'
import { reworded } from './busyboxReworded'
import { overlayTree, type TrackedFs } from './containerTree'
import { busyboxEnv, busyboxPrintenv } from './busyboxEnv'
import { lookPath } from '../cluster/kubelet/exec/busybox'
import { flagsOf } from './busyboxGetopt'
import { busyboxLinks } from './busyboxLinks'
import { busyboxStat } from './busyboxStat'
import { busyboxArch, busyboxUname } from './busyboxUname'
import { busyboxBasename, busyboxDirname } from './busyboxNames'
import { busyboxFind } from './busyboxFind'
import { busyboxDu } from './busyboxDu'
import { busyboxDf, busyboxMount } from './busyboxMountDf'
import { exprCommand } from '../shell/commands/expr'
import { busyboxCp, busyboxMv } from './busyboxCpMv'
import { busyboxHostname } from './containerHostname'
import { busyboxNproc } from '../shell/commands/nproc'
import { NODE_CPUS } from '../cluster/boot'

/** Applets whose GNU module answers with busybox's words. */
const REWORDED = ['head', 'tail', 'cut', 'tr', 'sort', 'uniq', 'grep', 'sed', 'awk', 'seq', 'xargs', 'date', 'od', 'xxd', 'base64',
  'md5sum', 'sha1sum', 'sha256sum', 'sha512sum', 'mkdir', 'rm', 'cat', 'tee', 'tac', 'rev', 'nl', 'paste', 'fold', 'expand']

const spec = (name: string, run: (ctx: CommandContext) => Promise<number>): CommandSpec => ({ name, summary: name, usage: name, run })

const usageFail = (ctx: CommandContext, applet: string, bad?: string) => {
  ctx.stderr(`${bad !== undefined ? `${applet}: unrecognized option: ${bad}\n` : ''}${BUSYBOX_USAGE[applet] ?? ''}`)
  return 1
}

/** wc.c's counts of one input: lines, words, chars, bytes, longest line (no Unicode: LANG is unset in images). */
function counts(bytes: Uint8Array): number[] {
  let lines = 0, words = 0, linepos = 0, longest = 0, inWord = false
  const endLine = (c: number) => {
    if (linepos > longest) longest = linepos
    if (c === 10) lines++
    if (c !== 11) linepos = 0
  }
  for (const c of bytes) {
    if (c >= 0x20 && c < 0x7f) {
      linepos++
      if (c !== 0x20) { inWord = true; continue }
    } else if (c >= 9 && c <= 13) {
      if (c === 9) linepos = (linepos | 7) + 1
      else endLine(c)
    } else continue
    if (inWord) words++
    inWord = false
  }
  endLine(-1)
  if (inWord) words++
  return [lines, words, bytes.length, bytes.length, longest]
}

/** busybox wc: `%9u` columns, one count alone unpadded for a single input, no name for stdin. */
export const busyboxWc = spec('wc', async (ctx) => {
  const p = flagsOf(ctx.argv.slice(1), 'lwmcL')
  if ('bad' in p) return usageFail(ctx, 'wc', p.bad)
  const order = ['l', 'w', 'm', 'c', 'L']
  let which = order.map((f) => p.flags.has(f))
  if (!which.some(Boolean)) which = [true, true, false, true, false]
  const names = p.operands.length ? p.operands : ['-']
  const single = names.length === 1 && which.filter(Boolean).length === 1
  const totals = [0, 0, 0, 0, 0]
  let status = 0
  const row = (c: number[], name: string | undefined) => {
    const cells = c.filter((_, i) => which[i]).map((n, i) => (i === 0 && single ? String(n) : String(n).padStart(9)))
    ctx.stdout(`${cells.join(' ')}${name === undefined ? '' : ` ${name}`}\n`)
  }
  for (const name of names) {
    let text: string | undefined
    if (name === '-') text = ctx.stdin
    else if (ctx.fs.isDir(name)) {
      ctx.stderr(`wc: ${name}: Is a directory\n`)
      status = 1
      text = ''
    } else {
      text = ctx.fs.readFile(name)
      if (text === undefined) {
        ctx.stderr(`wc: ${name}: No such file or directory\n`)
        status = 1
        continue
      }
    }
    const c = counts(bytesOf(text))
    c.forEach((n, i) => (totals[i] = i === 4 ? Math.max(totals[i], n) : totals[i] + n))
    row(c, p.operands.length ? name : undefined)
  }
  if (names.length > 1) row(totals, 'total')
  return status
})

/** id [-u|-g|-G] [-n] [-r] for root (groups as the image's /etc/group gives them). */
export function busyboxId(groups: [number, string][]): CommandSpec {
  return spec('id', async (ctx) => {
    const p = flagsOf(ctx.argv.slice(1), 'ugGnr')
    if ('bad' in p) return usageFail(ctx, 'id', p.bad)
    if (p.operands.length > 1) return usageFail(ctx, 'id')
    if (p.operands.length === 1 && p.operands[0] !== 'root') {
      ctx.stderr(`id: unknown user ${p.operands[0]}\n`)
      return 1
    }
    const f = p.flags
    const name = f.has('n')
    if (f.has('u') || f.has('g')) ctx.stdout(name ? 'root\n' : '0\n')
    else if (f.has('G')) ctx.stdout(groups.map(([n, g]) => (name ? g : String(n))).join(' ') + '\n')
    else ctx.stdout(`uid=0(root) gid=0(root) groups=${groups.map(([n, g]) => `${n}(${g})`).join(',')}\n`)
    return 0
  })
}

/** touch [-c] FILE...: creates empty files, gives existing ones a new mtime (on the lab clock). */
export function busyboxTouch(fs: TrackedFs): CommandSpec {
  return spec('touch', async (ctx) => {
    const p = flagsOf(ctx.argv.slice(1), 'cham')
    if ('bad' in p && 'dtr'.includes(p.bad)) {
      ctx.stderr(`touch: -${p.bad} (a given time) is not simulated in the lab\n`)
      return 1
    }
    if ('bad' in p) return usageFail(ctx, 'touch', p.bad)
    if (p.operands.length === 0) return usageFail(ctx, 'touch')
    let status = 0
    for (const name of p.operands) {
      if (fs.readOnlyAt(name) && (fs.exists(name) || !p.flags.has('c'))) {
        ctx.stderr(`touch: ${name}: Read-only file system\n`)
        status = 1
      } else if (fs.exists(name)) fs.touch(name)
      else if (p.flags.has('c')) continue
      else if (!fs.isDir(name.includes('/') ? name.slice(0, name.lastIndexOf('/')) || '/' : '.')) {
        ctx.stderr(`touch: ${name}: No such file or directory\n`)
        status = 1
      } else fs.writeFile(name, '')
    }
    return status
  })
}

/**
 * ls: busybox's, over the container's tree with this shell's changes; columns on the terminal.
 * Alpine's busybox would also colour the names there (FEATURE_LS_COLOR_IS_DEFAULT, TERM set by
 * the runtime for a tty); the lab's terminal shows no ANSI colours, so the names stay plain.
 */
export function containerLs(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs): CommandSpec {
  return spec('ls', async (ctx) => {
    const now = ctx.lab.now()
    const out = ls(overlayTree(p.root, flat, fs, now), ctx.argv.slice(1), now, { cwd: fs.cwd(), width: p.tty && ctx.stdoutIsTTY ? TTY_COLUMNS : undefined })
    ctx.stdout(out.stdout)
    ctx.stderr(out.stderr)
    return out.exitCode
  })
}

/** Alpine's root: the groups its /etc/group lists root in. */
export const ALPINE_ROOT_GROUPS: [number, string][] = [[0, 'root'], [1, 'bin'], [2, 'daemon'], [3, 'sys'], [4, 'adm'], [6, 'disk'], [10, 'wheel'], [11, 'floppy'], [20, 'dialout'], [26, 'tape'], [27, 'video']]

/**
 * root's groups in an image with an /etc/group: its own group, then those that list root as a
 * member (the runtime gives the process those as supplementary groups); without one, Alpine's.
 */
export function rootGroups(etcGroup: string | undefined): [number, string][] {
  if (etcGroup === undefined) return ALPINE_ROOT_GROUPS
  const out: [number, string][] = [[0, 'root']]
  for (const line of etcGroup.split('\n')) {
    const [name, , gid, members] = line.split(':')
    if (members !== undefined && gid !== '0' && members.split(',').includes('root')) out.push([Number(gid), name])
  }
  return out
}

/** The busybox applets of a busybox-based image, given the workstation's modules for the rest. */
export function busyboxTools(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs, gnu: readonly CommandSpec[]): CommandSpec[] {
  const isProgram = (name: string) => lookPath(p, name).found
  // Alpine's busybox: musl, and the OS name `Linux`; the busybox image's: glibc, and defconfig's name
  const alpine = flat['/etc/alpine-release'] !== undefined
  const out: CommandSpec[] = [containerLs(p, flat, fs), busyboxWc, busyboxId(rootGroups(flat['/etc/group'])), busyboxTouch(fs), busyboxEnv(isProgram), busyboxPrintenv, ...busyboxLinks(p, flat, fs), busyboxStat(p, flat, fs),
    busyboxUname(p.hostname, alpine ? 'Linux' : 'GNU/Linux'), busyboxArch, busyboxBasename, busyboxDirname(alpine ? 'musl' : 'glibc'), busyboxFind(p, flat, fs), busyboxDu(p, flat, fs), busyboxDf(p, flat, fs), busyboxMount(fs), exprCommand('busybox', BUSYBOX_USAGE.expr), busyboxCp(fs), busyboxMv(fs), busyboxHostname(p), busyboxNproc(NODE_CPUS, BUSYBOX_USAGE.nproc)]
  for (const g of gnu) {
    if (g.name === 'base64') out.push(busyboxBase64(reworded(g)))
    else if (REWORDED.includes(g.name)) out.push(reworded(g))
  }
  return out
}
