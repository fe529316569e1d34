// The syntax tree of an awk program (POSIX awk grammar).

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'idx'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'or' | 'and'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'match'; neg: boolean; e: Expr; re: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[]; builtin: boolean }
  | { k: 'getline'; target?: Expr; file?: Expr; cmd?: Expr }

export interface Dest {
  mode: '>' | '>>' | '|'
  e: Expr
}

export type Stmt =
  | { k: 'print' | 'printf'; args: Expr[]; dest?: Dest }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; yes: Stmt; no?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'break' | 'continue' | 'nextfile' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] }

export interface Rule {
  pattern?: Expr
  range?: [Expr, Expr]
  body?: Stmt[]
}

export interface Func {
  params: string[]
  body: Stmt[]
}

export interface Program {
  begin: Stmt[][]
  end: Stmt[][]
  rules: Rule[]
  funcs: Map<string, Func>
}
