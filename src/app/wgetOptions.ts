// busybox wget's command line and the lines it prints around a transfer: getopt32 with the long
// options of FEATURE_WGET_LONG_OPTIONS (musl's getopt messages, as in Alpine), the usage, the
// output file name and the status bar as a non-terminal stderr shows it.
// Imitates: busybox networking/wget.c (wget_main, download_one_url, retrieve_file_data),
// libbb/progress.c (bb_progress_update) and libbb/human_readable.c (smart_ulltoa5).

/** The usage as this machine's BusyBox 1.35.0 prints it (stderr, exit 1). */
export const WGET_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
\t[--post-data STR | --post-file FILE] [-Y on/off]
\t[--no-check-certificate] [-P DIR] [-U AGENT] URL...

Retrieve files via HTTP or FTP

\t--spider\tOnly check URL existence: $? is 0 if exists
\t--header STR\tAdd STR (of form 'header: value') to headers
\t--post-data STR\tSend STR using POST method
\t--post-file FILE\tSend FILE using POST method
\t--no-check-certificate\tDon't validate the server's certificate
\t-c\t\tContinue retrieval of aborted transfer
\t-q\t\tQuiet
\t-P DIR\t\tSave to DIR (default .)
\t-S    \t\tShow server response
\t-O FILE\t\tSave to FILE ('-' for stdout)
\t-o LOGFILE\tLog messages to FILE
\t-U STR\t\tUse STR for User-Agent header
\t-Y on/off\tUse proxy
`

export interface WgetOptions {
  quiet: boolean
  serverResponse: boolean
  spider: boolean
  noCheckCertificate: boolean
  output?: string
  logFile?: string
  dirPrefix?: string
  userAgent: string
  headers: string[]
  postData?: string
  postFile?: string
  urls: string[]
}

/** Short options: letter to whether it takes a value ("cqSO:o:P:Y:U:T:t:n::"). */
const SHORT: Record<string, boolean> = { c: false, q: false, S: false, O: true, o: true, P: true, Y: true, U: true, T: true, t: true }
/** Long options: name to [takes a value, the short letter or own key]. */
const LONG: [string, boolean, string][] = [
  ['continue', false, 'c'], ['quiet', false, 'q'], ['server-response', false, 'S'], ['output-document', true, 'O'],
  ['output-file', true, 'o'], ['directory-prefix', true, 'P'], ['proxy', true, 'Y'], ['user-agent', true, 'U'],
  ['timeout', true, 'T'], ['tries', true, 't'], ['header', true, 'header'], ['post-data', true, 'post-data'],
  ['spider', false, 'spider'], ['no-check-certificate', false, 'no-check-certificate'], ['post-file', true, 'post-file'],
  ['passive-ftp', false, ''], ['no-cache', false, ''], ['no-verbose', false, ''], ['no-clobber', false, ''],
  ['no-host-directories', false, ''], ['no-parent', false, ''],
]

type Parsed = { ok: true; options: WgetOptions } | { ok: false; stderr: string }

function set(o: WgetOptions, key: string, value: string): string | undefined {
  switch (key) {
    case 'q': o.quiet = true; break
    case 'S': o.serverResponse = true; break
    case 'O': o.output = value; break
    case 'o': o.logFile = value; break
    case 'P': o.dirPrefix = value; break
    case 'U': o.userAgent = value; break
    case 'T': if (!/^\d+$/.test(value)) return `wget: invalid number '${value}'\n`; break
    case 'header': o.headers.push(value); break
    case 'post-data': o.postData = value; break
    case 'post-file': o.postFile = value; break
    case 'spider': o.spider = true; break
    case 'no-check-certificate': o.noCheckCertificate = true; break
  }
  return undefined
}

/** wget's arguments as getopt32long reads them (options may follow URLs; `--` ends them). */
export function parseWgetArgs(args: string[]): Parsed {
  const o: WgetOptions = { quiet: false, serverResponse: false, spider: false, noCheckCertificate: false, userAgent: 'Wget', headers: [], urls: [] }
  const usage = (msg = '') => ({ ok: false as const, stderr: msg + WGET_USAGE })
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') { o.urls.push(...args.slice(i + 1)); break }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = a.slice(2, eq < 0 ? undefined : eq)
      const exact = LONG.find(([n]) => n === name)
      const matches = exact ? [exact] : LONG.filter(([n]) => n.startsWith(name))
      if (matches.length === 0) return usage(`wget: unrecognized option: ${name}\n`)
      if (matches.length > 1) return usage(`wget: option is ambiguous: ${name}\n`)
      const [full, takes, key] = matches[0]
      if (!takes && eq >= 0) return usage(`wget: option does not take an argument: ${full}\n`)
      let value = eq >= 0 ? a.slice(eq + 1) : ''
      if (takes && eq < 0) {
        if (i + 1 >= args.length) return usage(`wget: option requires an argument: ${full}\n`)
        value = args[++i]
      }
      const bad = set(o, key, value)
      if (bad) return { ok: false, stderr: bad }
      continue
    }
    if (a.startsWith('-') && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]
        if (c === 'n') break // -nv, -nc, -nH, -np: ignored with what follows
        if (!(c in SHORT)) return usage(`wget: unrecognized option: ${c}\n`)
        if (!SHORT[c]) { set(o, c, ''); continue }
        let value = a.slice(j + 1)
        if (value === '') {
          if (i + 1 >= args.length) return usage(`wget: option requires an argument: ${c}\n`)
          value = args[++i]
        }
        const bad = set(o, c, value)
        if (bad) return { ok: false, stderr: bad }
        break
      }
      continue
    }
    o.urls.push(a)
  }
  if (o.urls.length === 0) return usage()
  return { ok: true, options: o }
}

/** The file a download is saved to without -O: the last part of the path, `index.html` for none. */
export function defaultOutputName(path: string, dirPrefix?: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const name = base === '' ? 'index.html' : base
  return dirPrefix ? `${dirPrefix.replace(/\/+$/, '')}/${name}` : name
}

/** smart_ulltoa5: a size in five columns (`   19`, `99999`, `97.6k`, ` 146k`, `1464k`). */
export function size5(n: number): string {
  if (n <= 99999) return String(n).padStart(5, ' ')
  let v = n * 10, idx = 0
  do { v = Math.floor(v / 1024); idx++ } while (v >= 100000)
  const unit = ' kMGTPEZY'[idx]
  const u = Math.floor(v / 10), tenth = v % 10
  if (u >= 100) return `${String(Math.floor(u / 10)).padStart(3, ' ')}${u % 10}${unit}`
  return `${String(u).padStart(2, ' ')}.${tenth}${unit}`
}

/**
 * The status bar after a transfer, as wget draws it when stderr is not a terminal (80 columns:
 * a 32-character bar). An empty body draws none.
 */
export function statusBar(file: string, bytes: number): string {
  if (bytes === 0) return ''
  const name = file.slice(file.lastIndexOf('/') + 1)
  return `${name.slice(0, 20).padEnd(20, ' ')} 100% |${'*'.repeat(32)}| ${size5(bytes)}  0:00:00 ETA\n`
}
