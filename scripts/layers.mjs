// The layering rule of DESIGN.md, as a check: the pure core (src/cluster, src/shell, src/jwt,
// src/lessons) runs unchanged in Node tests, so it may not import React, zustand or the DOM,
// read the wall clock, or use timers. Time comes from the lab's virtual clock only.

export const PURE_DIRS = ['src/cluster', 'src/shell', 'src/jwt', 'src/lessons']

const RULES = [
  { re: /\bfrom\s+['"](react|react-dom|zustand)(\/[^'"]*)?['"]/, why: 'imports React or zustand' },
  { re: /\bimport\s*\(\s*['"](react|react-dom|zustand)(\/[^'"]*)?['"]\s*\)/, why: 'imports React or zustand' },
  { re: /\brequire\s*\(\s*['"](react|react-dom|zustand)['"]\s*\)/, why: 'imports React or zustand' },
  { re: /(?<![.\w$])(window|document|localStorage|sessionStorage|navigator|HTMLElement)\b(?!\s*:)/, why: 'uses the DOM' },
  { re: /\bDate\s*\.\s*now\s*\(/, why: 'reads the wall clock (Date.now)' },
  { re: /\bnew\s+Date\s*\(\s*\)/, why: 'reads the wall clock (new Date())' },
  { re: /\bperformance\s*\.\s*now\s*\(/, why: 'reads the wall clock (performance.now)' },
  { re: /(?<![.\w$])(setTimeout|setInterval|setImmediate|requestAnimationFrame|requestIdleCallback)\s*\(/, why: 'uses a timer' },
]

/** Blank out comments and the contents of string literals, keeping line numbers. */
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
      // keep import specifiers: a quote right after `from` or `import(` / `require(`
      const before = out.slice(-12)
      const keep = c !== '`' && /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)$/.test(before)
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

/** Problems in one file's source text: [{ line, why, text }]. */
export function checkSource(src) {
  const problems = []
  const lines = stripCommentsAndStrings(src).split('\n')
  const raw = src.split('\n')
  lines.forEach((line, idx) => {
    for (const rule of RULES) {
      if (rule.re.test(line)) problems.push({ line: idx + 1, why: rule.why, text: (raw[idx] ?? '').trim() })
    }
  })
  return problems
}

/** Whether a file is part of the checked code (tests may use whatever they need). */
export function isCheckedFile(path) {
  return /\.(ts|tsx|js|mjs)$/.test(path) && !/\.test\.(ts|tsx)$/.test(path) && !/(^|\/)testing\.ts$/.test(path)
}
