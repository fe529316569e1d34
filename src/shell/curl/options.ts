// Command-line options of curl 7.88 that the lab supports, parsed the way curl parses them
// (short options may be bundled: -sSk; a value may follow directly: -oFILE).

export interface CurlOptions {
  url?: string
  silent: boolean
  showError: boolean
  output?: string
  writeOut?: string
  headers: string[]
  method?: string
  data?: string
  include: boolean
  insecure: boolean
  cacert?: string
  fail: boolean
  userAgent?: string
  head: boolean
  verbose: boolean
  user?: string
  oauth2Bearer?: string
  failWithBody: boolean
  help: boolean
}

export type ParseResult = { ok: true; options: CurlOptions } | { ok: false; message: string; exitCode: number }

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n"

/** Options that take a value: long name -> field. */
const VALUE_LONG: Record<string, keyof CurlOptions> = {
  output: 'output', 'write-out': 'writeOut', header: 'headers', request: 'method', data: 'data',
  'data-raw': 'data', 'data-binary': 'data', 'data-ascii': 'data', cacert: 'cacert', 'user-agent': 'userAgent', url: 'url',
  user: 'user', 'oauth2-bearer': 'oauth2Bearer',
}
const VALUE_SHORT: Record<string, string> = { o: 'output', w: 'write-out', H: 'header', X: 'request', d: 'data', A: 'user-agent', u: 'user' }
const FLAG_LONG: Record<string, keyof CurlOptions> = {
  silent: 'silent', 'show-error': 'showError', include: 'include', insecure: 'insecure', fail: 'fail', head: 'head',
  verbose: 'verbose', 'fail-with-body': 'failWithBody', help: 'help',
}
const FLAG_SHORT: Record<string, string> = { s: 'silent', S: 'show-error', i: 'include', k: 'insecure', f: 'fail', I: 'head', v: 'verbose', h: 'help' }
/** Accepted and ignored: they change nothing the lab can show. */
const IGNORED_LONG = new Set(['compressed', 'http1.1', 'http2', 'location', 'no-progress-meter', 'tlsv1.2', 'globoff'])
const IGNORED_SHORT = new Set(['L', 'g'])

export function parseCurlArgs(args: string[]): ParseResult {
  const o: CurlOptions = { silent: false, showError: false, headers: [], include: false, insecure: false, fail: false, head: false, verbose: false, failWithBody: false, help: false }
  const set = (long: string, value: string | undefined): ParseResult | undefined => {
    if (long in FLAG_LONG) {
      (o[FLAG_LONG[long]] as boolean) = true
      return undefined
    }
    if (value === undefined) return { ok: false, message: `curl: option --${long}: requires parameter\n${TRY}`, exitCode: 2 }
    const field = VALUE_LONG[long]
    if (field === 'headers') o.headers.push(value)
    else if (field === 'data') o.data = o.data === undefined ? value : `${o.data}&${value}`
    else (o[field] as string) = value
    return undefined
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      // curl does not take --opt=value; the whole word is the option name
      const long = a.slice(2)
      if (IGNORED_LONG.has(long)) continue
      if (long in FLAG_LONG) { set(long, undefined); continue }
      if (long in VALUE_LONG) {
        const err = set(long, args[++i])
        if (err) return err
        continue
      }
      void eq
      return { ok: false, message: `curl: option ${a}: is unknown\n${TRY}`, exitCode: 2 }
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]
        if (IGNORED_SHORT.has(c)) continue
        if (c in FLAG_SHORT) { set(FLAG_SHORT[c], undefined); continue }
        if (c in VALUE_SHORT) {
          const rest = a.slice(j + 1)
          const err = set(VALUE_SHORT[c], rest !== '' ? rest : args[++i])
          if (err) return err
          break
        }
        return { ok: false, message: `curl: option -${a.slice(j)}: is unknown\n${TRY}`, exitCode: 2 }
      }
      continue
    }
    o.url = a
  }
  if (o.fail && o.failWithBody) return { ok: false, message: `curl: You must select either --fail or --fail-with-body, not both.\n${TRY}`, exitCode: 2 }
  if (o.url === undefined && !o.help) return { ok: false, message: `curl: no URL specified!\n${TRY}`, exitCode: 2 }
  return { ok: true, options: o }
}
