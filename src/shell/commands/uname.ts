// uname and arch as GNU coreutils 9.1 has them (src/uname.c): the workstation's, and a Debian
// image's (their host name is the container's). Both print the lab's kernel (cluster/kernel.ts).
// Imitates: coreutils 9.1 src/uname.c in the C locale (`-a` leaves out -p and -i, which are
// `unknown` on Debian; the fields always come in the order s n r v m p i o).

import { KERNEL } from '../../cluster/kernel'
import type { CommandSpec } from '../types'
import { coreutilsFooter, coreutilsVersion, getopt, has, usageError } from './util'
import { COREUTILS_AUTHORS } from './coreutilsVersion'

const UNAME_HELP = `Usage: uname [OPTION]...
Print facts about this machine and the kernel it runs. Without an OPTION, the same as -s.

  -a, --all                every field below, in this order, leaving out -p and -i
                             when they are unknown
  -s, --kernel-name        the kernel's name
  -n, --nodename           the machine's host name
  -r, --kernel-release     the kernel's release
  -v, --kernel-version     the kernel's version (its build)
  -m, --machine            the hardware's name
  -p, --processor          the processor's type (unknown here)
  -i, --hardware-platform  the hardware platform (unknown here)
  -o, --operating-system   the operating system
      --help        display this help and exit
      --version     output version information and exit
${coreutilsFooter('uname')}`

const ARCH_HELP = `Usage: arch [OPTION]...
Print the machine's hardware name; the same as uname -m.

      --help        display this help and exit
      --version     output version information and exit
${coreutilsFooter('arch')}`

/** The fields in uname's order, each with its short letter. */
const FIELDS = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const
const LONG = {
  all: false, 'kernel-name': false, sysname: false, nodename: false, 'kernel-release': false, release: false, 'kernel-version': false,
  machine: false, processor: false, 'hardware-platform': false, 'operating-system': false, help: false, version: false,
}
/** Each long name's letter (sysname and release are uname.c's hidden synonyms). */
const LETTER: Record<string, string> = {
  all: 'a', 'kernel-name': 's', sysname: 's', nodename: 'n', 'kernel-release': 'r', release: 'r', 'kernel-version': 'v',
  machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o',
}

/** The values of the fields on a host named `nodename`, by letter. */
export const unameFields = (nodename: string, os: string): Record<(typeof FIELDS)[number], string> => ({
  s: KERNEL.name, n: nodename, r: KERNEL.release, v: KERNEL.version, m: KERNEL.machine, p: 'unknown', i: 'unknown', o: os,
})

/** GNU uname on the host named `nodename`. */
export function gnuUname(nodename: string): CommandSpec {
  return {
    name: 'uname',
    summary: 'Print the kernel and machine this shell runs on (uname -a: all of it).',
    usage: 'uname [OPTION]...',
    async run(ctx) {
      const p = getopt(ctx.argv.slice(1), { short: 'asnrvmpio', long: LONG, alias: {}, immediate: ['help', 'version'] })
      if ('error' in p) return usageError(ctx, 'uname', p.error)
      if (has(p, 'help') || has(p, 'version')) {
        ctx.stdout(has(p, 'help') ? UNAME_HELP : coreutilsVersion('uname', COREUTILS_AUTHORS.uname))
        return 0
      }
      if (p.operands.length) return usageError(ctx, 'uname', `extra operand '${p.operands[0]}'`)
      const asked = new Set(p.opts.map((o) => LETTER[o.key] ?? o.key))
      const all = asked.has('a')
      const values = unameFields(nodename, 'GNU/Linux')
      const shown = FIELDS.filter((f) => (all ? !((f === 'p' || f === 'i') && values[f] === 'unknown') : asked.has(f)))
      ctx.stdout(`${(shown.length ? shown : ['s' as const]).map((f) => values[f]).join(' ')}\n`)
      return 0
    },
  }
}

/** GNU arch: uname -m. */
export const gnuArch: CommandSpec = {
  name: 'arch',
  summary: "Print the machine's hardware name (uname -m).",
  usage: 'arch [OPTION]...',
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { short: '', long: { help: false, version: false }, immediate: ['help', 'version'] })
    if ('error' in p) return usageError(ctx, 'arch', p.error)
    if (has(p, 'help') || has(p, 'version')) {
      ctx.stdout(has(p, 'help') ? ARCH_HELP : coreutilsVersion('arch', COREUTILS_AUTHORS.arch))
      return 0
    }
    if (p.operands.length) return usageError(ctx, 'arch', `extra operand '${p.operands[0]}'`)
    ctx.stdout(`${KERNEL.machine}\n`)
    return 0
  },
}
