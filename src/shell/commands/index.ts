// The workstation's own commands (bash builtins and coreutils-like tools). kubectl, curl and lab
// are registered by the lab with Shell.register.

import type { CommandSpec } from '../types'
import { awk } from './awk'
import { base64 } from './base64'
import { bash } from './bash'
import { sh } from './sh'
import { cat } from './cat'
import { cd } from './cd'
import { chmod } from './chmod'
import { md5sum, sha1sum, sha256sum, sha384sum, sha512sum } from './checksum'
import { clear } from './clear'
import { cut } from './cut'
import { date } from './date'
import { echo } from './echo'
import { edit, nano, vi, vim } from './edit'
import { env } from './env'
import { exportCommand, unset } from './export'
import { grep } from './grep'
import { head } from './head'
import { help } from './help'
import { history } from './history'
import { jq } from './jq'
import { ls } from './ls'
import { mkdir } from './mkdir'
import { od } from './od'
import { openssl } from './openssl'
import { printf } from './printf'
import { pwd } from './pwd'
import { python3 } from './python3'
import { rm } from './rm'
import { sed } from './sed'
import { seq } from './seq'
import { sleep } from './sleep'
import { sort } from './sort'
import { stat } from './stat'
import { tail } from './tail'
import { bracket, test } from './test'
import { touch } from './touch'
import { tr } from './tr'
import { uniq } from './uniq'
import { falseCommand, trueCommand } from './truefalse'
import { watch } from './watch'
import { wc } from './wc'
import { which } from './which'
import { xargs } from './xargs'
import { xxd } from './xxd'
import { yes } from './yes'
import { comm } from './comm'
import { expand } from './expand'
import { fold } from './fold'
import { nl } from './nl'
import { paste } from './paste'
import { rev } from './rev'
import { tac } from './tac'
import { tee } from './tee'
import { id, whoami } from './identity'
import { cp, mv } from './cpmv'
import { basename, dirname, printenv } from './names'
import { readlink, realpath, rmdir, tty } from './pathTools'
import { mktemp } from './mktemp'
import { find } from './find'
import { diff } from './diff'
import { gnuArch, gnuUname } from './uname'
import { exprCommand } from './expr'
import { timeout } from './timeout'
import { unsimulated } from './unsimulated'
import { DEBIAN_PROGRAMS } from '../../cluster/kubelet/exec/debianPrograms'
import { missingHint } from '../missingHints'
import { withoutVersion, withVersion } from './coreutilsVersion'

/** The system's programs the lab does not run, made once (every shell, a container's on each exec, takes the list). */
let others: CommandSpec[] | undefined

export function builtinCommands(): CommandSpec[] {
  const own = ownCommands()
  if (!others) {
    const have = new Set(own.map((c) => c.name))
    // (a name with a hint of its own, such as more, keeps bash's `command not found` and the hint)
    others = DEBIAN_PROGRAMS.filter((n) => !have.has(n) && missingHint(n) === undefined).map(unsimulated)
  }
  return [...others, ...own]
}

let plain: CommandSpec[] | undefined

/** builtinCommands as a busybox image's programs stand on them: without coreutils' `--version` (made once). */
export function builtinCommandsWithoutVersion(): readonly CommandSpec[] {
  plain ??= builtinCommands().map(withoutVersion)
  return plain
}

/** The workstation's own programs, made once (coreutils' with their `--version`). */
let own: CommandSpec[] | undefined

function ownCommands(): CommandSpec[] {
  own ??= [
    awk, base64, bracket, cat, cd, chmod, clear, cut, date, echo, edit, env, exportCommand, falseCommand, grep, head, help, history, jq,
    ls, mkdir, nano, od, openssl, printf, pwd, python3, rm, sed, seq, sleep, sort, stat, tail, test, touch, tr, trueCommand, uniq, unset, vi, vim, watch, wc, which, xargs, xxd, yes,
    md5sum, sha1sum, sha256sum, sha384sum, sha512sum,
    comm, expand, fold, nl, paste, rev, tac, tee,
    id, whoami,
    cp, mv, basename, dirname, printenv, find, diff, bash, sh,
    realpath, readlink, rmdir, mktemp, tty,
    gnuUname('workstation'), gnuArch, exprCommand('gnu'), timeout,
  ].map(withVersion)
  return own
}
