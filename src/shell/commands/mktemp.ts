// mktemp (coreutils 9.1): make a file (mode 0600) or folder (0700) with a name from a template
// whose last run of X's is replaced by random letters and digits. The letters come from the lab's
// /dev/urandom (devices.ts: a generator from a fixed seed, as mktemp's getrandom is on a real
// machine), so a fresh workstation gives the same names. Checks and messages in mktemp.c's order.

import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { bytesOf } from '../../common/bytes'
import { dirname } from '../fs'
import { gnuQuote } from './gnuQuote'
import { lookup } from './pathTools'
import { getopt, has, helpText, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'directory', short: 'd', takesValue: false, help: 'create a directory, not a file' },
  { name: 'dry-run', short: 'u', takesValue: false, help: 'do not create anything; merely print a name (unsafe)' },
  { name: 'quiet', short: 'q', takesValue: false, help: 'suppress diagnostics about file/dir-creation failure' },
  { name: 'suffix', takesValue: true, help: 'append SUFF to TEMPLATE; SUFF must not contain a slash' },
  { name: 'tmpdir', short: 'p', takesValue: true, help: 'interpret TEMPLATE relative to DIR (-p DIR or --tmpdir[=DIR]); if DIR is not given, use $TMPDIR if set, else /tmp' },
  { name: 't', short: 't', takesValue: false, help: 'interpret TEMPLATE as a single file name component, relative to $TMPDIR or -p DIR (deprecated)' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

const TABLE = {
  short: 'dp:qtu',
  long: { directory: false, 'dry-run': false, quiet: false, suffix: true, tmpdir: false, help: false },
  alias: { d: 'directory', u: 'dry-run', q: 'quiet', p: 'p', t: 't' },
  immediate: ['help'],
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const DEFAULT_TEMPLATE = 'tmp.XXXXXXXXXX'

const HELP_MORE = `TEMPLATE must contain at least 3 consecutive 'X's in last component.
If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.
Files are created u+rw, and directories u+rwx, minus umask restrictions.`

/** getopt with --tmpdir's optional value: `--tmpdir=DIR` (or a prefix of it) becomes `--tmpdir`, its values kept in order. */
function parse(args: string[]) {
  const values: (string | undefined)[] = []
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      out.push(...args.slice(i))
      break
    }
    const m = /^--([^=]+)(=?)([\s\S]*)$/.exec(a)
    if (m && m[1].startsWith('t') && 'tmpdir'.startsWith(m[1])) {
      values.push(m[2] ? m[3] : undefined)
      out.push(m[2] ? '--tmpdir' : a)
      continue
    }
    out.push(a)
    // the word after an option that takes a value is that value
    const takesNext = (m && !m[2] && 'suffix'.startsWith(m[1])) || (!m && /^-[dqtu]*p$/.test(a))
    if (takesNext && i + 1 < args.length) out.push(args[++i])
  }
  const p = getopt(out, TABLE)
  return { p, values }
}

/** gnulib's file_name_concat(dir, base): one slash between them (a root of slashes is kept). */
function fileNameConcat(dir: string, base: string): string {
  const trimmed = dir.replace(/\/+$/, '')
  if (trimmed === '') return dir + base
  return `${trimmed}/${base}`
}

/** Random letters for the X's, from the lab's /dev/urandom (a simple generator where there is none). */
function randomSource(ctx: CommandContext): () => number {
  const text = ctx.fs.readFile('/dev/urandom')
  const bytes = text === undefined ? new Uint8Array(0) : bytesOf(text.slice(0, 4096))
  let i = 0
  let x = 0x6d2b79f5
  return () => {
    for (;;) {
      let b: number
      if (i < bytes.length) b = bytes[i++]
      else {
        x ^= x << 13
        x ^= x >>> 17
        x ^= x << 5
        b = x & 0xff
      }
      // the same letter for each of 256 bytes but the last few: no letter more likely than another
      if (b < 248) return b % 62
    }
  }
}

export const mktemp: CommandSpec = {
  name: 'mktemp',
  summary: 'Create a temporary file or directory, safely, and print its name.',
  usage: 'mktemp [OPTION]... [TEMPLATE]',
  flags,
  async run(ctx) {
    const { p, values } = parse(ctx.argv.slice(1))
    if ('error' in p) return usageError(ctx, 'mktemp', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(mktemp.usage, `${mktemp.summary}\n${HELP_MORE}`, flags))
      return 0
    }
    const die = (message: string) => {
      ctx.stderr(`mktemp: ${message}\n`)
      return 1
    }
    let useDestDir = false
    let destDirArg: string | undefined
    let suffix: string | undefined
    let tmpdirs = 0
    for (const o of p.opts) {
      if (o.key === 'p' || o.key === 'tmpdir') {
        useDestDir = true
        destDirArg = o.key === 'p' ? o.value : values[tmpdirs++]
      } else if (o.key === 't') useDestDir = true
      else if (o.key === 'suffix') suffix = o.value
    }
    const deprecatedT = has(p, 't')
    if (p.operands.length > 1) return usageError(ctx, 'mktemp', 'too many templates')
    let template: string
    if (p.operands.length === 0) {
      useDestDir = true
      template = DEFAULT_TEMPLATE
    } else template = p.operands[0]
    let suffixText: string
    if (suffix !== undefined) {
      if (!template.endsWith('X')) return die(`with --suffix, template ${gnuQuote(template)} must end in X`)
      suffixText = suffix
    } else {
      const x = template.lastIndexOf('X')
      suffixText = x < 0 ? '' : template.slice(x + 1)
      template = template.slice(0, template.length - suffixText.length)
    }
    if (suffixText.includes('/')) return die(`invalid suffix ${gnuQuote(suffixText)}, contains directory separator`)
    const xCount = /X*$/.exec(template)![0].length
    if (xCount < 3) return die(`too few X's in template ${gnuQuote(template + suffixText)}`)
    if (useDestDir) {
      const tmpdirEnv = ctx.env.isExported('TMPDIR') ? ctx.env.get('TMPDIR') : undefined
      let destDir: string
      if (deprecatedT) {
        destDir = tmpdirEnv || destDirArg || '/tmp'
        if (template.includes('/')) return die(`invalid template, ${gnuQuote(template + suffixText)}, contains directory separator`)
      } else {
        destDir = destDirArg || tmpdirEnv || '/tmp'
        if (template.startsWith('/')) return die(`invalid template, ${gnuQuote(template + suffixText)}; with --tmpdir, it may not be absolute`)
      }
      template = fileNameConcat(destDir, template)
    }
    const makeDir = has(p, 'directory')
    const dryRun = has(p, 'dry-run')
    const quiet = has(p, 'quiet')
    const stem = template.slice(0, template.length - xCount)
    const next = randomSource(ctx)
    const fail = (why: string) => {
      if (!quiet) ctx.stderr(`mktemp: failed to create ${makeDir ? 'directory' : 'file'} via template ${gnuQuote(template + suffixText)}: ${why}\n`)
      return 1
    }
    let name = ''
    for (let attempt = 0; ; attempt++) {
      if (attempt >= 100) return fail('File exists')
      name = stem + Array.from({ length: xCount }, () => LETTERS[next()]).join('') + suffixText
      if (!ctx.fs.exists(ctx.fs.resolve(name))) break
    }
    if (!dryRun) {
      const path = ctx.fs.resolve(name)
      const parent = lookup(ctx, dirname(path))
      if (parent === 'ENOENT') return fail('No such file or directory')
      if (parent !== 'dir') return fail('Not a directory')
      if (ctx.fs.readOnlyAt?.(path)) return fail('Read-only file system')
      if (makeDir) {
        ctx.fs.mkdir(path)
        ctx.fs.chmod?.(path, 0o700)
      } else {
        try {
          ctx.fs.writeFile(path, '')
        } catch {
          return fail('No space left on device')
        }
        ctx.fs.chmod?.(path, 0o600)
      }
    }
    ctx.stdout(name + '\n')
    return 0
  },
}
