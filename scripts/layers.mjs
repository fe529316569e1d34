// The layering rules of DESIGN.md, as pure functions (checkLayers.mjs walks the tree with them):
// 1. direction: an explicit matrix of which top-level folders of src may import which;
// 2. purity: the pure core runs unchanged in Node tests and in a Web Worker, so it may not import
//    React, zustand or the DOM, read the wall clock, or use timers (time comes from the lab clock);
// 3. no import cycles between modules (through imports that stay at run time: an `import type`
//    is erased, so a cycle closed only by one is allowed);
// 4. file names in the one style of CONTRACTS.md ("File names").

/** The layers, top to bottom: `ui -> state -> {lessons, shell, jwt} -> cluster`, `common` below all. */
export const ALLOWED = {
  app: ['app', 'ui', 'state', 'lessons', 'shell', 'jwt', 'cluster', 'common'],
  ui: ['ui', 'state', 'lessons', 'shell', 'jwt', 'cluster', 'common'],
  state: ['state', 'lessons', 'shell', 'jwt', 'cluster', 'common'],
  lessons: ['lessons', 'cluster', 'common'],
  shell: ['shell', 'cluster', 'common'],
  jwt: ['jwt', 'cluster', 'common'],
  cluster: ['cluster', 'common'],
  common: ['common'],
}

export const PURE_LAYERS = ['cluster', 'shell', 'jwt', 'lessons', 'common']
export const PURE_DIRS = PURE_LAYERS.map((l) => `src/${l}`)

const PURITY_RULES = [
  { re: /\bfrom\s+['"](react|react-dom|zustand)(\/[^'"]*)?['"]/, why: 'imports React or zustand' },
  { re: /\bimport\s*\(\s*['"](react|react-dom|zustand)(\/[^'"]*)?['"]\s*\)/, why: 'imports React or zustand' },
  { re: /\brequire\s*\(\s*['"](react|react-dom|zustand)['"]\s*\)/, why: 'imports React or zustand' },
  { re: /(?<![.\w$])(window|document|localStorage|sessionStorage|navigator|HTMLElement)\b(?!\s*:)/, why: 'uses the DOM' },
  { re: /\bDate\s*\.\s*now\s*\(/, why: 'reads the wall clock (Date.now)' },
  { re: /\bnew\s+Date\s*\(\s*\)/, why: 'reads the wall clock (new Date())' },
  { re: /\bperformance\s*\.\s*now\s*\(/, why: 'reads the wall clock (performance.now)' },
  { re: /(?<![.\w$])(setTimeout|setInterval|setImmediate|requestAnimationFrame|requestIdleCallback)\s*\(/, why: 'uses a timer' },
]

/** Blank out comments and the contents of string literals, keeping line numbers and import specifiers. */
export function stripCommentsAndStrings(src) {
  let out = ''
  let i = 0
  const n = src.length
  while (i < n) {
    const c = src[i]
    const d = src[i + 1]
    if (c === '/' && d === '/') {
      while (i < n && src[i] !== '\n') i++
    } else if (c === '/' && d === '*') {
      i += 2
      while (i < n && !(src[i] === '*' && src[i + 1] === '/')) { if (src[i] === '\n') out += '\n'; i++ }
      i += 2
    } else if (c === '"' || c === "'" || c === '`') {
      // keep import specifiers: a quote right after `from`, `import` (side effect), `import(` or `require(`
      const before = out.slice(-12)
      const keep = c !== '`' && /(\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)$/.test(before)
      out += c
      i++
      while (i < n && src[i] !== c) {
        if (src[i] === '\\') { if (keep) out += src[i] + (src[i + 1] ?? ''); i += 2; continue }
        if (src[i] === '\n') out += '\n'
        else if (keep) out += src[i]
        i++
      }
      out += c
      i++
    } else {
      out += c
      i++
    }
  }
  return out
}

/** Purity problems in one file's source text: [{ line, why, text }]. */
export function checkSource(src) {
  const problems = []
  const lines = stripCommentsAndStrings(src).split('\n')
  const raw = src.split('\n')
  lines.forEach((line, idx) => {
    for (const rule of PURITY_RULES) {
      if (rule.re.test(line)) problems.push({ line: idx + 1, why: rule.why, text: (raw[idx] ?? '').trim() })
    }
  })
  return problems
}

/**
 * The module specifiers a file imports or re-exports: [{ line, spec, typeOnly }]. `typeOnly` marks an
 * `import type` / `export type` statement, which the compiler erases (verbatimModuleSyntax).
 */
export function importsOf(src) {
  const text = stripCommentsAndStrings(src)
  const found = []
  const lineAt = (i) => text.slice(0, i).split('\n').length
  const re = /\b(?:import|export)(\s+type\b)?[\w\s{},*$]*?\bfrom\s*(['"])([^'"\n]+)\2|\bimport\s*\(?\s*(['"])([^'"\n]+)\4|\brequire\s*\(\s*(['"])([^'"\n]+)\6/g
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[5] ?? m[7]
    found.push({ line: lineAt(m.index + m[0].length - spec.length - 1), spec, typeOnly: Boolean(m[1]) })
  }
  return found
}

const CODE = /\.(ts|tsx|js|mjs)$/
const TEST = /\.test\.(ts|tsx)$/

export const isCode = (path) => CODE.test(path) && !path.endsWith('.d.ts')
export const isTest = (path) => TEST.test(path)

/** Whether the purity rules apply to a file (tests and test helpers may use what they need). */
export function isCheckedFile(path) {
  return isCode(path) && !isTest(path) && !isTestHelper(path)
}

/** Modules written for tests, which any test may import: `testing.ts`, `testing/`, `testdata/`, and createLab. */
export function isTestHelper(path) {
  return /(^|\/)testing(\.ts$|\/)/.test(path) || /(^|\/)testdata\//.test(path) || path === 'src/app/lab.ts'
}

/** The top-level folder of src a path lies in (`src/shell/kubectl/x.ts` -> `shell`), if any. */
export function layerOf(path) {
  const m = /^src\/([^/]+)\//.exec(path)
  return m ? m[1] : undefined
}

/** The repository path a relative specifier names, given the files that exist; undefined for packages. */
export function resolveImport(from, spec, exists) {
  if (!spec.startsWith('.')) return undefined
  const parts = from.split('/').slice(0, -1)
  for (const seg of spec.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg !== '.' && seg !== '') parts.push(seg)
  }
  const base = parts.join('/')
  const stem = base.replace(/\.(js|mjs)$/, '')
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${stem}.ts`, `${stem}.tsx`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.tsx`]
  return candidates.find(exists) ?? base
}

/** A direction problem for one import of one file, or undefined when the matrix allows it. */
export function directionProblem(from, target) {
  const a = layerOf(from)
  const b = layerOf(target)
  if (!a || !b || a === b) return undefined
  if (!ALLOWED[a]) return `src/${a} is not a known layer (add it to ALLOWED in scripts/layers.mjs)`
  if (ALLOWED[a].includes(b)) return undefined
  if (isTest(from) && isTestHelper(target)) return undefined
  const may = ALLOWED[a].filter((l) => l !== a).join(', ') || 'nothing outside itself'
  return `forbidden import ${a} -> ${b} (src/${a} may import ${may})`
}

/** The import cycles of a module graph (Map file -> Set of files): one entry per strongly connected group, as a closed path. */
export function findCycles(graph) {
  let index = 0
  const idx = new Map()
  const low = new Map()
  const stack = []
  const on = new Set()
  const groups = []
  const strong = (v) => {
    // iterative Tarjan, so deep graphs cannot overflow the call stack
    const work = [[v, [...(graph.get(v) ?? [])], 0]]
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v)
    while (work.length) {
      const top = work[work.length - 1]
      const [node, next] = top
      if (top[2] < next.length) {
        const w = next[top[2]++]
        if (!idx.has(w)) {
          idx.set(w, index); low.set(w, index); index++; stack.push(w); on.add(w)
          work.push([w, [...(graph.get(w) ?? [])], 0])
        } else if (on.has(w)) low.set(node, Math.min(low.get(node), idx.get(w)))
        continue
      }
      work.pop()
      if (work.length) { const parent = work[work.length - 1][0]; low.set(parent, Math.min(low.get(parent), low.get(node))) }
      if (low.get(node) === idx.get(node)) {
        const group = []
        let w
        do { w = stack.pop(); on.delete(w); group.push(w) } while (w !== node)
        if (group.length > 1 || graph.get(node)?.has(node)) groups.push(group)
      }
    }
  }
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v)
  return groups.map((group) => shortestCycle(graph, new Set(group)))
}

/** The shortest closed path through the first (sorted) member of a strongly connected group. */
function shortestCycle(graph, members) {
  const start = [...members].sort()[0]
  const prev = new Map()
  const queue = [start]
  while (queue.length) {
    const v = queue.shift()
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!members.has(w)) continue
      if (w === start) {
        const path = [v]
        while (path[0] !== start) path.unshift(prev.get(path[0]))
        return [...path, start]
      }
      if (!prev.has(w)) { prev.set(w, v); queue.push(w) }
    }
  }
  return [start, start]
}

const CAMEL = /^[a-z][a-zA-Z0-9]*$/
const PASCAL = /^[A-Z][a-zA-Z0-9]*$/
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** What is wrong with a file's name under CONTRACTS.md "File names", or undefined. */
export function fileNameProblem(path, src = '') {
  const segments = path.split('/')
  const name = segments.pop()
  for (const dir of segments) {
    if (!CAMEL.test(dir) && !/^[a-z][a-zA-Z0-9]*\.spec\.ts-snapshots$/.test(dir))
      return `folder "${dir}" is not camelCase`
  }
  const code = /^(.+?)((?:\.[a-z][a-zA-Z0-9]*)*)\.(ts|tsx|mjs|js|css)$/.exec(name)
  if (code && !name.endsWith('.d.ts')) {
    const [, stem, qualifiers, ext] = code
    if (qualifiers.includes('.test') && !qualifiers.endsWith('.test') && ext !== 'css')
      return `"${name}": a test is named <module>[.<qualifier>].test.${ext}`
    if (ext === 'tsx' && PASCAL.test(stem)) {
      if (!isTest(path) && !/export\s+(default\s+)?(function|const|class)\s+[A-Z]/.test(src))
        return `"${name}" is PascalCase but exports no component`
      return undefined
    }
    if (!CAMEL.test(stem)) return `"${name}" is not camelCase${ext === 'tsx' ? ' (or PascalCase for a component)' : ''}`
    return undefined
  }
  const data = /^([^.]+)\.[a-z0-9.]+$/.exec(name)
  if (!data || !KEBAB.test(data[1]))
    return `data file "${name}" is not kebab-case`
  return undefined
}
