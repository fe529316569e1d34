// The syntax tree of the bash subset the lab's shell understands (mirrors bash's parse.y shapes:
// list -> and-or -> pipeline -> simple command, with words made of quoted and unquoted parts).

/** One piece of a word. `quoted` parts are never split into fields. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | {
      kind: 'var'; name: string; quoted: boolean; op?: ParamOp; /** written `$NAME`, without braces */ bare?: boolean
      /** `${NAME[SUBSCRIPT]}`: an array's element (`@` or `*`: all of them), the subscript as typed */
      index?: string
      /** `${!NAME[@]}`: the array's indices */
      keys?: true
      /** `${!NAME}`: the parameter NAME's value names (bash's indirect expansion) */
      indirect?: true
    }
  | { kind: 'cmdsub'; body: List; quoted: boolean }
  /** `<(LIST)` and `>(LIST)`: process substitution, a file name for the list's output or input. */
  | { kind: 'procsub'; dir: '<' | '>'; body: List }
  | { kind: 'arith'; expr: string; quoted: boolean; /** written `$[expr]` */ old?: true }
  | { kind: 'tilde'; user: string }
  /** `${!PREFIX*}` and `${!PREFIX@}`: the names of the variables set that begin with PREFIX. */
  | { kind: 'names'; prefix: string; at: boolean; quoted: boolean }
  /** `${...}` that bash rejects when it expands it ("bad substitution"). */
  | { kind: 'badsub'; text: string }

/** `${VAR:-word}` style operators. */
export interface ParamOp {
  op:
    | ':-' | '-' | ':+' | '+' | ':=' | '=' | ':?' | '?' | '#len'
    | '#' | '##' | '%' | '%%' | '/' | '//' | '/#' | '/%' | '^^' | '^' | ',,' | ',' | '~~' | '~'
    /** `${V:offset:length}`: `word` is unused, `offset` and `length` are arithmetic text. */
    | 'substr'
    /** `${V@Q}` and the other transformations (transform.ts): `letter` says which. */
    | '@'
  word: WordPart[]
  /** The transformation of `@` (Q, E, P, A, K, a, U, u, L, k). */
  letter?: string
  /** The replacement of `/` operators. */
  replacement?: WordPart[]
  offset?: string
  length?: string
}

export interface Word {
  parts: WordPart[]
  /** The text as typed (for error messages such as `ambiguous redirect`). */
  raw: string
}

export interface Assignment {
  name: string
  value: Word
  /** `NAME+=VALUE`: appended to the value (added, for an integer variable). */
  append?: true
  /** `NAME=(WORD...)`: an array of the words (expanded as a command's are). */
  array?: Word[]
  /** `NAME[SUBSCRIPT]=VALUE`: one element of an array (the subscript as typed, arithmetic). */
  index?: string
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<<'

export interface Redirect {
  /** The file descriptor redirected (1 for `>`, 0 for `<`, as typed for `2>`). */
  fd: number
  op: RedirOp
  /** Target file, fd number (for >& and <&) or here-string word. */
  target?: Word
  /** Typed `>|`: writes even where noclobber (`set -C`) refuses `>`. */
  force?: true
  /** Typed `<>`: opened for reading and writing (a missing file is created). */
  readWrite?: true
  /**
   * Here-document body (parts, already tab-stripped for <<-); `text`, the body as read, and `typed`,
   * the delimiter word as typed (quotes kept), are for printing it back (funcText.ts).
   */
  heredoc?: { body: WordPart[]; delimiter: string; text?: string; typed?: string }
}

export interface SimpleCommand {
  kind: 'simple'
  assignments: Assignment[]
  words: Word[]
  redirects: Redirect[]
  /** A declaration builtin's array arguments (`declare -a a=(1 2)`): their names are among `words`. */
  arrays?: Assignment[]
  /** The line it starts on, counted from 1 in the text parsed ($LINENO, a script's messages). */
  line?: number
}

export interface Subshell {
  kind: 'subshell'
  body: List
  redirects: Redirect[]
}

export interface IfCommand {
  kind: 'if'
  clauses: { cond: List; body: List }[]
  elseBody?: List
  redirects: Redirect[]
}

export interface ForCommand {
  kind: 'for'
  name: string
  /** Absent: `for x; do` loops over the positional parameters. */
  words?: Word[]
  body: List
  redirects: Redirect[]
}

export interface ArithForCommand {
  kind: 'arithfor'
  init: string
  cond: string
  update: string
  body: List
  redirects: Redirect[]
}

export interface WhileCommand {
  kind: 'while'
  until: boolean
  cond: List
  body: List
  redirects: Redirect[]
}

export interface CaseCommand {
  kind: 'case'
  word: Word
  items: { patterns: Word[]; body: List; term: ';;' | ';&' | ';;&' }[]
  redirects: Redirect[]
}

export interface GroupCommand {
  kind: 'group'
  body: List
  redirects: Redirect[]
}

/** `(( expr ))` */
export interface ArithCommand {
  kind: 'arith'
  expr: string
  redirects: Redirect[]
}

/** An expression of `[[ ... ]]`: words are expanded without splitting or globbing. */
export type CondExpr =
  | { kind: 'not'; expr: CondExpr }
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr }
  /** `-f FILE`, `-z STRING`, ...; a word alone is `-n WORD` */
  | { kind: 'unary'; op: string; arg: Word }
  /** `==` `!=` (the right side a pattern), `=~` (an extended regular expression), `<` `>`, `-eq` ... `-ef` */
  | { kind: 'binary'; op: string; left: Word; right: Word }

/** `[[ expression ]]` */
export interface CondCommand {
  kind: 'cond'
  expr: CondExpr
  /** The text between `[[` and `]]`, for a job's listing. */
  raw: string
  redirects: Redirect[]
}

export interface FunctionDef {
  kind: 'funcdef'
  name: string
  body: Command
  redirects: Redirect[]
}

export type Command =
  | SimpleCommand | Subshell | IfCommand | ForCommand | ArithForCommand | WhileCommand | CaseCommand | GroupCommand | ArithCommand | CondCommand | FunctionDef

export interface Pipeline {
  negated: boolean
  commands: Command[]
  /** `time` (or `time -p`) before it: its times are reported on standard error when it ends. */
  timed?: 'bash' | 'posix'
}

export interface AndOr {
  first: Pipeline
  rest: { op: '&&' | '||'; pipeline: Pipeline }[]
  /** Ended by `&`: run in the background (the lab runs it at once; `$!` gets a pid). */
  background?: boolean
}

export interface List {
  items: AndOr[]
}

export type ParseResult =
  | {
      ok: true
      list: List
      warnings: string[]
      /** Input ended inside a here-document or after a trailing `\`: an interactive shell would read on. */
      continues: boolean
    }
  | {
      ok: false
      /** bash's message without the `bash: ` prefix, e.g. "syntax error near unexpected token `&&'". */
      message: string
      /** The input ended too early: an interactive shell would ask for more (`> ` prompt). */
      incomplete: boolean
    }

export interface Script {
  /** Top-level commands in input order; those before a syntax error are still run, as bash does. */
  chunks: List[]
  error?: { message: string; incomplete: boolean; keepStatus?: boolean }
  warnings: string[]
  continues: boolean
  /** The source as given, and where each chunk ends in it. */
  source: string
  chunkEnds: number[]
}
