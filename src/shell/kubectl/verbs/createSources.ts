// Imitates: kubectl pkg/util/util.go (ParseFileSource, ParseLiteralSource), pkg/cmd/util/env_file.go
// (AddFromEnvFile) and the file walks of pkg/cmd/create/create_secret.go and create_configmap.go, with
// apimachinery's IsEnvVarName and IsConfigMapKey: the --from-file, --from-literal and --from-env-file
// sources of `kubectl create secret generic` and `kubectl create configmap`.

import { isEnvVarName } from '../../../cluster/api/validation'
import { bytesOf, hasRawBytes } from '../../../common/bytes'
import type { HomeFs, ShellEnv } from '../../types'
import { baseName } from '../../fs'
import type { Kubectl } from '../command'
import { KubectlError, errorText, usageError } from '../errors'
import { dryRunStrategy, outputFormat } from '../output'
import { stringSlice } from '../flags'
import { createQuery, printCreated, withApplyAnnotation } from './create'

/** A key and its value (the file's bytes as the lab's byte-faithful string). */
export type AddKey = (key: string, value: string) => void

/** A Go map as encoding/json writes it: keys in byte order. */
export function goMap<V>(m: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

const fail = (message: string): never => {
  throw new KubectlError(`error: ${message}`)
}

/** ParseLiteralSource: `key=value`, split at the first `=`. */
export function literalSource(source: string, add: AddKey): void {
  const eq = source.indexOf('=')
  if (eq <= 0) fail(`invalid literal source ${source}, expected key=value`)
  add(source.slice(0, eq), source.slice(eq + 1))
}

/** ParseFileSource, then the file (its base name the key) or each regular file of the directory, by name. */
export function fileSource(fs: HomeFs, source: string, add: AddKey): void {
  const seps = source.split('=').length - 1
  let key: string
  let path: string
  if (seps === 0) [key, path] = [baseName(source), source]
  else if (seps === 1 && source.startsWith('=')) return fail(`key name for file path ${source.slice(1)} missing`)
  else if (seps === 1 && source.endsWith('=')) return fail(`file path for key name ${source.slice(0, -1)} missing`)
  else if (seps > 1) return fail("key names or file paths cannot contain '='")
  else [key, path] = source.split('=')
  const full = fs.resolve(path)
  if (fs.isDir(full)) {
    if (seps === 1) fail('cannot give a key name for a directory path')
    // os.ReadDir: by name; only regular files
    for (const name of [...(fs.list(full) ?? [])].sort()) {
      const text = fs.isDir(`${full}/${name}`) ? undefined : fs.readFile(`${full}/${name}`)
      if (text !== undefined) add(name, text)
    }
    return
  }
  const text = fs.readFile(full)
  if (text === undefined) fail(`error reading ${path}: no such file or directory`)
  add(key, text as string)
}

/**
 * AddFromEnvFile: `KEY=value` lines (a leading BOM and white space dropped, `#` comments and empty lines
 * passed over); a KEY alone takes its value from kubectl's environment (the shell's exported variables).
 */
export function envFileSource(fs: HomeFs, env: ShellEnv, path: string, dirMessage: string, add: AddKey): void {
  const full = fs.resolve(path)
  if (fs.isDir(full)) fail(dirMessage)
  const text = fs.readFile(full)
  if (text === undefined) fail(`error reading ${path}: no such file or directory`)
  // bufio.ScanLines: lines split at \n, a \r before it dropped, no empty last line
  const lines = (text as string).split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  lines.forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (hasRawBytes(line)) fail(`env file ${path} contains invalid utf8 bytes at line ${i + 1}: [${[...bytesOf(line)].join(' ')}]`)
    if (i === 0) line = line.replace(/^\uFEFF/, '')
    line = line.replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) return
    const eq = line.indexOf('=')
    const key = eq < 0 ? line : line.slice(0, eq)
    const errs = isEnvVarName(key)
    if (errs.length) fail(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`)
    add(key, eq < 0 ? (env.isExported(key) ? env.get(key) ?? '' : '') : line.slice(eq + 1))
  })
}

/** The sources as the flags give them. */
export interface Sources {
  files: string[]
  literals: string[]
  envFiles: string[]
}

/**
 * Complete, Validate and Run of `create secret generic` and `create configmap`: the object `build` makes
 * from the sources is created (or only printed, with --dry-run=client); `failed` leads a server's error.
 */
export async function createFromSources(k: Kubectl, resource: 'secrets' | 'configmaps', failed: string, build: (s: Sources, namespace: string | undefined) => Record<string, unknown>): Promise<number> {
  if (k.args.length !== 1) throw usageError(k.commandPath, `exactly one NAME is required, got ${k.args.length}`)
  const f = k.flags
  const client = await k.client()
  const dryRun = dryRunStrategy(k)
  outputFormat(f.str('output'), false)
  const sources = { files: stringSlice(f.all('from-file')), literals: f.all('from-literal'), envFiles: stringSlice(f.all('from-env-file')) }
  if (sources.envFiles.length && (sources.files.length || sources.literals.length)) throw new KubectlError('error: from-env-file cannot be combined with from-file or from-literal')
  if (f.bool('append-hash')) throw new KubectlError('error: --append-hash is not available in this lab')
  const ns = client.config.namespace
  let obj = withApplyAnnotation(k, build(sources, client.config.enforceNamespace ? ns : undefined))
  if (dryRun !== 'client') {
    try {
      obj = await client.request<Record<string, unknown>>('POST', `/api/v1/namespaces/${encodeURIComponent(ns)}/${resource}${createQuery(k, dryRun)}`, obj)
    } catch (e) {
      throw new KubectlError(`error: ${failed}${errorText(e)}`)
    }
  }
  printCreated(k, obj, dryRun)
  return 0
}
