// The workstation's file modes: what a new file or directory gets (root's umask 022; keys and
// kubeconfig files 0600, as the lab lays them out), how `ls -l` spells a mode, and chmod's MODE
// (octal, or symbolic: `u+x`, `go-w`, `a=r,u+w`, `+X`, `g=u`).
// Imitates: coreutils lib/modechange.c (mode_compile, mode_adjust) and lib/filemode.c.

/** root's umask on the workstation. */
export const UMASK = 0o022

/** A new file's or directory's mode here. */
export function defaultMode(path: string, dir: boolean): number {
  if (dir) return 0o755
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.endsWith('.pem') || name === 'config' ? 0o600 : 0o644
}

/** The nine permission letters of `ls -l` and `chmod -v` (filemode.c: s S t T for the special bits). */
export function permLetters(mode: number): string {
  const bit = (b: number, c: string) => (mode & b ? c : '-')
  const special = (x: number, s: number, lower: string, upper: string) => (mode & s ? (mode & x ? lower : upper) : mode & x ? 'x' : '-')
  return (
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't', 'T')
  )
}

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 }

/**
 * The mode `spec` gives a file whose mode is `old` (a directory: `dir`); undefined when `spec` is
 * no mode (chmod: `invalid mode`). Without u, g, o or a, the umask's bits are left alone.
 */
export function applyMode(spec: string, old: number, dir: boolean, umask = UMASK): number | undefined {
  if (/^[0-7]+$/.test(spec)) {
    const n = Number.parseInt(spec, 8)
    if (n > 0o7777) return undefined
    // a directory keeps its set-user and set-group bits unless a fifth digit says otherwise (00755)
    return dir && spec.length < 5 ? n | (old & 0o6000) : n
  }
  let mode = old & 0o7777
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/.exec(clause)
    if (!m) return undefined
    // without u, g, o or a: all, less what the umask holds (and `=` clears every bit first)
    const everyone = m[1] === ''
    const who = everyone ? 0o7777 : [...m[1]].reduce((a, c) => a | WHO[c], 0)
    for (const [, op, perms] of m[2].matchAll(/([-+=])([ugo]|[rwxXst]*)/g)) {
      let bits = 0
      if (/^[ugo]$/.test(perms)) {
        // another class's permissions (g=u)
        const from = perms === 'u' ? (mode >> 6) & 7 : perms === 'g' ? (mode >> 3) & 7 : mode & 7
        bits = from * 0o111
      } else
        for (const c of perms) {
          if (c === 'r') bits |= 0o444
          else if (c === 'w') bits |= 0o222
          else if (c === 'x') bits |= 0o111
          else if (c === 'X') bits |= dir || mode & 0o111 ? 0o111 : 0
          else if (c === 's') bits |= 0o6000
          else if (c === 't') bits |= 0o1000
        }
      bits &= everyone ? ~umask & 0o7777 : who
      if (op === '+') mode |= bits
      else if (op === '-') mode &= ~bits
      else mode = (mode & ~who) | bits
    }
  }
  return mode
}

/** chmod -v's `0755 (rwxr-xr-x)`. */
export const describeMode = (mode: number) => `${(mode & 0o7777).toString(8).padStart(4, '0')} (${permLetters(mode)})`
