// busybox uname and arch in a busybox-based image: the lab's kernel (cluster/kernel.ts), the
// container's host name, and the operating system's name as the image's busybox was built with it:
// Alpine's says `Linux`, the busybox image's (defconfig) `GNU/Linux`.
// Imitates: busybox 1.36.1 coreutils/uname.c (getopt32long "snrvmpioa"; -a leaves out the unknown
// -p and -i; an operand prints the usage; arch ignores its arguments).

import type { CommandContext, CommandSpec } from '../shell/types'
import { unameFields } from '../shell/commands/uname'
import { KERNEL } from '../cluster/kernel'
import { BUSYBOX_USAGE } from './busyboxUsage'

const LETTERS = 'snrvmpio'
/** uname.c's long options (LONG_OPTS is on in both builds), by letter. */
const LONG: [string, string][] = [
  ['all', 'a'], ['kernel-name', 's'], ['nodename', 'n'], ['kernel-release', 'r'], ['release', 'r'], ['kernel-version', 'v'],
  ['machine', 'm'], ['processor', 'p'], ['hardware-platform', 'i'], ['operating-system', 'o'],
]

const spec = (name: string, run: (ctx: CommandContext) => Promise<number>): CommandSpec => ({ name, summary: name, usage: name, run })

/** The letters asked for, or the complaint (musl getopt_long's words) that comes before the usage. */
function letters(args: string[]): { asked: Set<string>; operands: string[] } | { complaint: string } {
  const asked = new Set<string>()
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') return { asked, operands: args.slice(i + 1) }
    if (a.startsWith('--')) {
      const name = a.slice(2)
      const exact = LONG.find(([n]) => n === name)
      const found = exact ? [exact] : LONG.filter(([n]) => n.startsWith(name))
      // several names for one letter are one option (release and kernel-release are not: r twice is ambiguous to musl)
      if (found.length !== 1) return { complaint: `uname: ${found.length ? 'option is ambiguous' : 'unrecognized option'}: ${name}\n` }
      asked.add(found[0][1])
    } else if (a.startsWith('-') && a !== '-') {
      for (const ch of a.slice(1)) {
        if (!`${LETTERS}a`.includes(ch)) return { complaint: `uname: unrecognized option: ${ch}\n` }
        asked.add(ch)
      }
    } else return { asked, operands: args.slice(i) }
  }
  return { asked, operands: [] }
}

/** busybox uname on the host `hostname`; `os`: the name the image's busybox prints for -o. */
export function busyboxUname(hostname: string, os: string): CommandSpec {
  return spec('uname', async (ctx) => {
    const usage = BUSYBOX_USAGE.uname
    if (ctx.argv[1] === '--help') {
      ctx.stderr(usage)
      return 0
    }
    const p = letters(ctx.argv.slice(1))
    if ('complaint' in p || p.operands.length) {
      ctx.stderr(`${'complaint' in p ? p.complaint : ''}${usage}`)
      return 1
    }
    const all = p.asked.has('a')
    const values = unameFields(hostname, os)
    // -a prints every field but -p and -i, which it leaves empty (an empty field is not printed)
    const shown = [...LETTERS].filter((f) => (all ? f !== 'p' && f !== 'i' : p.asked.has(f)))
    ctx.stdout(`${(shown.length ? shown : ['s']).map((f) => values[f as keyof typeof values]).join(' ')}\n`)
    return 0
  })
}

/** busybox arch: the machine, whatever its arguments (but --help). */
export const busyboxArch = spec('arch', async (ctx) => {
  if (ctx.argv[1] === '--help') {
    ctx.stderr(BUSYBOX_USAGE.arch)
    return 0
  }
  ctx.stdout(`${KERNEL.machine}\n`)
  return 0
})
