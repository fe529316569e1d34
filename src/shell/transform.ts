// Imitates: bash/subst.c parameter_brace_transform (bash 5.2). `${NAME@OP}`: the value quoted for
// reuse (Q), with its backslash escapes expanded as $'...' does (E), expanded as a prompt is (P),
// as an assignment that recreates it (A), its attributes (a), in upper case (U), with its first
// letter upper (u), in lower case (L), and for arrays keys with values (K as one word, k apart).

import type { ExpandContext } from './expand'
import { ansiCQuote, declareQuote, hasControl, singleQuote } from './builtins/host'
import { arrayValue, assocValue, keyText } from './arrays'
import type { AssocArray } from './assocArray'
import { expandAnsiC } from './parser/ansiC'
import type { IndexedArray } from './indexedArray'

/** The letters bash 5.2 knows after `@`. */
export const TRANSFORMS = 'QEPAKaULuk'

/** bash's sh_quote_reusable: in '...', or $'...' when the value holds a control character. */
const reusable = (v: string) => (hasControl(v) ? ansiCQuote(v) : singleQuote(v))

/** The attribute letters bash prints for NAME (`${NAME@a}`), in its order. */
export function attributes(name: string, ctx: ExpandContext): string {
  const rt = ctx.runtime
  return [
    ctx.env.array(name) ? 'a' : '',
    ctx.env.assoc(name) ? 'A' : '',
    rt?.integer.has(name) ? 'i' : '',
    rt?.readonly.has(name) ? 'r' : '',
    ctx.env.isExported(name) ? 'x' : '',
  ].join('')
}

/** One value transformed (a variable's, or each element's of `${a[@]@OP}`); unset: nothing. */
export function transform(letter: string, name: string, value: string | undefined, ctx: ExpandContext): string {
  if (letter === 'a') return attributes(name, ctx)
  if (value === undefined) return ''
  switch (letter) {
    case 'Q':
    case 'K':
    case 'k':
      return reusable(value)
    case 'E':
      return expandAnsiC(value)
    case 'P':
      return promptString(value, ctx)
    case 'A': {
      const flags = attributes(name, ctx)
      return flags ? `declare -${flags} ${name}=${reusable(value)}` : `${name}=${reusable(value)}`
    }
    case 'U':
      return value.toUpperCase()
    case 'L':
      return value.toLowerCase()
    default:
      // u: the first letter
      return value.slice(0, 1).toUpperCase() + value.slice(1)
  }
}

/** `${a[@]@A}` and `${a[@]@K}`: the whole array as one word; `${a[@]@k}`: keys and values as words of their own. */
export function transformArray(letter: 'A' | 'K' | 'k', name: string, elements: IndexedArray, ctx: ExpandContext): string[] {
  const sorted = elements.sorted()
  if (letter === 'k') return sorted.flatMap(([i, v]) => [String(i), v])
  if (letter === 'K') return [sorted.map(([i, v]) => `${i} ${declareQuote(v)}`).join(' ')]
  return [`declare -${attributes(name, ctx) || 'a'} ${name}=${arrayValue(elements)}`]
}

/** bash's prompt escapes (PROMPTING in the manual), those that do not need a terminal. */
function promptString(v: string, ctx: ExpandContext): string {
  const env = ctx.env
  const home = env.get('HOME') ?? ''
  const pwd = env.get('PWD') ?? ''
  const host = env.get('HOSTNAME') ?? 'workstation'
  const now = new Date(ctx.runtime?.dynamic?.now() ?? 0)
  const two = (n: number) => String(n).padStart(2, '0')
  const tilde = home && (pwd === home || pwd.startsWith(`${home}/`)) ? `~${pwd.slice(home.length)}` : pwd
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const h24 = now.getUTCHours()
  const h12 = two(h24 % 12 || 12)
  const escapes: Record<string, () => string> = {
    u: () => env.get('USER') ?? 'root',
    h: () => host.split('.')[0]!,
    H: () => host,
    w: () => tilde,
    W: () => (pwd === home ? '~' : pwd === '/' ? '/' : pwd.slice(pwd.lastIndexOf('/') + 1)),
    $: () => (env.get('EUID') === '0' || env.get('EUID') === undefined ? '#' : '$'),
    s: () => 'bash',
    v: () => '5.2',
    V: () => '5.2.15',
    n: () => '\n',
    r: () => '\r',
    a: () => '\x07',
    e: () => '\x1b',
    '\\': () => '\\',
    '[': () => '',
    ']': () => '',
    t: () => `${two(h24)}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`,
    T: () => `${h12}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`,
    '@': () => `${h12}:${two(now.getUTCMinutes())} ${h24 < 12 ? 'AM' : 'PM'}`,
    A: () => `${two(h24)}:${two(now.getUTCMinutes())}`,
    d: () => `${DAYS[now.getUTCDay()]} ${MONTHS[now.getUTCMonth()]} ${two(now.getUTCDate())}`,
  }
  return v.replace(/\\(.)/g, (all, c: string) => escapes[c]?.() ?? all)
}

/** `${m[@]@A}`, `${m[@]@K}` (one word each) and `${m[@]@k}` (words apart) of an associative array. */
export function transformAssoc(letter: 'A' | 'K' | 'k', name: string, m: AssocArray, ctx: ExpandContext): string[] {
  const ordered = m.ordered()
  if (letter === 'k') return ordered.flatMap(([k, v]) => [k, v])
  if (letter === 'K') return [ordered.map(([k, v]) => `${keyText(k)} ${declareQuote(v)} `).join('')]
  return [`declare -${attributes(name, ctx)} ${name}=${assocValue(m)}`]
}
