// Imitates: client-go tools/clientcmd/loader.go (ResolveLocalPaths, RelativizeClusterLocalPaths,
// RelativizeAuthInfoLocalPaths), tools/clientcmd/api/helpers.go (FlattenConfig) and Go's path/filepath
// (Clean, Abs, Rel). A kubeconfig names its files relative to its own folder: kubectl resolves them
// there before it uses them, writes an entry it changed with its paths relative to that folder again
// (unless that takes a `../`), and `config view --flatten` reads them from there. `~` is no home here:
// kubectl leaves it to the shell.

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** filepath.Clean: one slash between names, no `.`, `..` taken back (none above the root). */
export function cleanPath(p: string): string {
  if (p === '') return '.'
  const rooted = p.startsWith('/')
  const out: string[] = []
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
    } else out.push(seg)
  }
  const joined = out.join('/')
  return rooted ? `/${joined}` : joined || '.'
}

/** filepath.Abs: a relative path joined to the working directory. */
export const absPath = (cwd: string, p: string): string => cleanPath(p.startsWith('/') ? p : `${cwd}/${p}`)

/** filepath.Rel for two absolute paths: the way from `base` to `target` (`.` when they are the same). */
export function relPath(base: string, target: string): string {
  const b = cleanPath(base).split('/').filter(Boolean)
  const t = cleanPath(target).split('/').filter(Boolean)
  let common = 0
  while (common < b.length && common < t.length && b[common] === t[common]) common++
  const parts = [...b.slice(common).map(() => '..'), ...t.slice(common)]
  return parts.length ? parts.join('/') : '.'
}

/** The folder of a kubeconfig file (its path absolute already). */
export const folderOf = (file: string): string => cleanPath(file.slice(0, file.lastIndexOf('/')) || '/')

/** The fields of a cluster entry and of a user entry that name files (GetClusterFileReferences, GetAuthInfoFileReferences). */
export const FILE_FIELDS = { cluster: ['certificate-authority'], user: ['client-certificate', 'client-key', 'tokenFile'] } as const

const relative = (v: unknown): v is string => typeof v === 'string' && v !== '' && !v.startsWith('/')

/** ResolvePath: a file the kubeconfig in folder `base` names, as kubectl opens it. */
export const resolvedPath = (file: string, base: string): string => cleanPath(file.startsWith('/') ? file : `${base}/${file}`)

/** ResolvePaths: the entry with each relative file joined to `base` (a new object when one changes). */
export function resolvedEntry<T extends Obj>(entry: T, kind: keyof typeof FILE_FIELDS, base: string): T {
  const fields = FILE_FIELDS[kind].filter((f) => relative(entry[f]))
  if (fields.length === 0) return entry
  const out: Obj = { ...entry }
  for (const f of fields) out[f] = resolvedPath(entry[f], base)
  return out as T
}

/** RelativizePathWithNoBacksteps after ResolvePaths: each file relative to `base`, or absolute where that takes `../`. */
export function relativizedEntry(entry: Obj, kind: keyof typeof FILE_FIELDS, base: string): Obj {
  const out: Obj = { ...resolvedEntry(entry, kind, base) }
  for (const f of FILE_FIELDS[kind]) {
    const v = out[f]
    if (typeof v !== 'string' || v === '') continue
    const rel = relPath(base, v)
    if (!rel.startsWith('../')) out[f] = rel
  }
  return out
}
