// hostname in a container: busybox's (busybox-based images) and the hostname package's (Debian's
// 3.23). The host is the pod's: its name, and its IP as the pod's /etc/hosts gives it; setting a
// name fails, as a container has no right to (sethostname: EPERM).
// Imitates: busybox 1.36.1 networking/hostname.c (getopt32 "dfisF:v"; -d, -f and -i look the name
// up, -f first, then -s, -d, -i; -s alone cuts at the first dot) and Debian's hostname 3.23 (the
// last display option counts; -i the addresses of the name, -I every address, each followed by a
// space; "you must be root to change the host name"; its usage for a bad option, status 255).

import type { CommandContext, CommandSpec } from '../shell/types'
import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { BUSYBOX_USAGE } from './busyboxUsage'

const spec = (run: (ctx: CommandContext) => Promise<number>): CommandSpec => ({ name: 'hostname', summary: 'hostname', usage: 'hostname', run })

/** hostname 3.23's usage, as it prints it for a bad option. */
const DEBIAN_USAGE = "Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n       hostname                                 display host name\n\n       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)\n       {yp,nis,}domainname                      display NIS domain name\n\n       dnsdomainname                            display dns domain name\n\n       hostname -V|--version|-h|--help          print info and exit\n\nProgram name:\n       {yp,nis,}domainname=hostname -y\n       dnsdomainname=hostname -d\n\nProgram options:\n    -a, --alias            alias names\n    -A, --all-fqdns        all long host names (FQDNs)\n    -b, --boot             set default hostname if none available\n    -d, --domain           DNS domain name\n    -f, --fqdn, --long     long host name (FQDN)\n    -F, --file             read host name or NIS domain name from given file\n    -i, --ip-address       addresses for the host name\n    -I, --all-ip-addresses all addresses for the host\n    -s, --short            short host name\n    -y, --yp, --nis        NIS/YP domain name\n\nDescription:\n   This command can get or set the host name or the NIS domain name. You can\n   also get the DNS domain or the FQDN (fully qualified domain name).\n   Unless you are using bind or NIS for host lookups you can change the\n   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is\n   part of the FQDN) in the /etc/hosts file.\n"

/** busybox hostname. */
export function busyboxHostname(p: Pick<ContainerProcess, 'hostname' | 'podIP'>): CommandSpec {
  return spec(async (ctx) => {
    if (ctx.argv[1] === '--help') {
      ctx.stderr(BUSYBOX_USAGE.hostname)
      return 0
    }
    const flags = new Set<string>()
    let file: string | undefined
    const operands: string[] = []
    const args = ctx.argv.slice(1)
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--domain' || a === '--fqdn') flags.add(a[2])
      else if (a === '--file') flags.add('F')
      else if (a.startsWith('-') && a !== '-' && a !== '--') {
        for (let k = 1; k < a.length; k++) {
          const ch = a[k]
          if (!'dfisFv'.includes(ch)) {
            ctx.stderr(`hostname: unrecognized option: ${ch}\n${BUSYBOX_USAGE.hostname}`)
            return 1
          }
          if (ch === 'F') {
            file = k + 1 < a.length ? a.slice(k + 1) : args[++i]
            if (file === undefined) {
              ctx.stderr(`hostname: option requires an argument: F\n${BUSYBOX_USAGE.hostname}`)
              return 1
            }
            break
          }
          flags.add(ch)
        }
      } else if (a !== '--') operands.push(a)
    }
    const name = p.hostname
    const short = name.split('.')[0]
    if (flags.has('f')) ctx.stdout(`${name}\n`)
    else if (flags.has('d') || flags.has('i')) {
      if (flags.has('s')) ctx.stdout(`${short}\n`)
      else if (flags.has('d')) {
        if (name.includes('.')) ctx.stdout(`${name.slice(name.indexOf('.') + 1)}\n`)
      } else ctx.stdout(`${p.podIP ?? '127.0.0.1'}\n`)
    } else if (flags.has('s')) ctx.stdout(`${short}\n`)
    else if (file !== undefined || operands.length) {
      if (file !== undefined && ctx.fs.readFile(file) === undefined) {
        ctx.stderr(`hostname: can't open '${file}': No such file or directory\n`)
        return 1
      }
      ctx.stderr('hostname: sethostname: Operation not permitted\n')
      return 1
    } else ctx.stdout(`${name}\n`)
    return 0
  })
}

const DEBIAN_LONG: Record<string, string> = { domain: 'd', fqdn: 'f', long: 'f', 'ip-address': 'i', 'all-ip-addresses': 'I', short: 's', alias: 'a', 'all-fqdns': 'A', yp: 'y', nis: 'y', boot: 'b', file: 'F', version: 'V', help: 'h' }

/** Debian's hostname (the hostname package). */
export function debianHostname(p: Pick<ContainerProcess, 'hostname' | 'podIP'>): CommandSpec {
  return spec(async (ctx) => {
    let shown: string | undefined
    const operands: string[] = []
    for (const a of ctx.argv.slice(1)) {
      const letters = a.startsWith('--') ? [DEBIAN_LONG[a.slice(2)] ?? '?'] : a.startsWith('-') && a.length > 1 ? Array.from(a.slice(1)) : []
      if (letters.length === 0) operands.push(a)
      for (const ch of letters) {
        if (!'dfiIsaAybFVh'.includes(ch)) {
          ctx.stderr(`hostname: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${ch}'`}\n${DEBIAN_USAGE}`)
          return 255
        }
        if ('aAybFh'.includes(ch)) {
          ctx.stderr(`hostname: -${ch} is not simulated in the lab; hostname, -s, -f, -d, -i and -I are\n`)
          return 1
        }
        if (ch === 'V') {
          ctx.stdout('hostname 3.23\n')
          return 0
        }
        shown = ch
      }
    }
    const ip = p.podIP ?? '127.0.0.1'
    if (shown === 'i') ctx.stdout(`${ip}\n`)
    else if (shown === 'I') ctx.stdout(`${ip} \n`)
    else if (shown === 'd') {
      if (p.hostname.includes('.')) ctx.stdout(`${p.hostname.slice(p.hostname.indexOf('.') + 1)}\n`)
    } else if (shown === 's') ctx.stdout(`${p.hostname.split('.')[0]}\n`)
    else if (shown === 'f' || operands.length === 0) ctx.stdout(`${p.hostname}\n`)
    else {
      ctx.stderr('hostname: you must be root to change the host name\n')
      return 1
    }
    return 0
  })
}
