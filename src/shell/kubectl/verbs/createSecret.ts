// Imitates: kubectl pkg/cmd/create/create_secret.go (secret generic) and pkg/util/hash (ParseFileSource,
// ParseLiteralSource) as create_secret uses them; docker-registry and tls are not in the lab.

import type { HomeFs } from '../../types'
import { type Verb } from '../command'
import { KubectlError, errorText, usageError } from '../errors'
import type { FlagDef } from '../flags'
import { dryRunStrategy, outputFormat } from '../output'
import { CREATE_FLAGS, createQuery, printCreated, withApplyAnnotation } from './create'
import { encodeBase64Text } from '../../../common/base64'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const HELP = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`

export const createSecretParent: Verb = {
  path: 'create secret',
  summary: 'Create a secret using a specified subcommand',
  usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
  flags: [],
  unavailable: (sub) =>
    sub === 'docker-registry' || sub === 'tls'
      ? `error: "kubectl create secret ${sub}" is not available in this lab; use kubectl create secret generic NAME --from-literal=KEY=VALUE or --from-file=[KEY=]PATH (and --type=TYPE)`
      : undefined,
  async run(k) {
    const sub = k.args[0]
    if (sub === undefined) throw new KubectlError(HELP)
    throw new KubectlError(`error: unknown command "${sub}"\nSee 'kubectl create secret -h' for help and examples`)
  },
}

/** pflag StringSlice: values split on commas (encoding/csv), every occurrence appended. */
export const stringSlice = (values: string[]): string[] => values.flatMap((v) => (v === '' ? [] : v.split(',')))

const KEY_RE = /^[-._a-zA-Z0-9]+$/

function checkKey(data: Obj, key: string): void {
  const errs: string[] = []
  if (key.length > 253) errs.push('must be no more than 253 characters')
  if (!KEY_RE.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")
  }
  if (key === '.') errs.push("must not be '.'")
  else if (key === '..') errs.push("must not be '..'")
  else if (key.startsWith('..')) errs.push("must not start with '..'")
  if (errs.length) throw new KubectlError(`error: ${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`)
  if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`)
}

/** Base64 of the UTF-8 bytes of `text`. */
export const b64 = encodeBase64Text

function fromFile(fs: HomeFs, data: Obj, source: string): void {
  const seps = source.split('=').length - 1
  let key: string
  let path: string
  if (seps === 0) [key, path] = [source.replace(/\/+$/, '').split('/').pop() ?? source, source]
  else if (seps === 1 && source.startsWith('=')) throw new KubectlError(`error: key name for file path ${source.slice(1)} missing`)
  else if (seps === 1 && source.endsWith('=')) throw new KubectlError(`error: file path for key name ${source.slice(0, -1)} missing`)
  else if (seps > 1) throw new KubectlError("error: key names or file paths cannot contain '='")
  else [key, path] = source.split('=')
  const full = fs.resolve(path)
  if (fs.isDir(full)) {
    if (seps === 1) throw new KubectlError('error: cannot give a key name for a directory path')
    for (const name of fs.list(full) ?? []) {
      const text = fs.readFile(`${full}/${name}`)
      if (text === undefined || !KEY_RE.test(name)) continue
      checkKey(data, name)
      data[name] = b64(text)
    }
    return
  }
  const text = fs.readFile(full)
  if (text === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`)
  checkKey(data, key)
  data[key] = b64(text)
}

function fromEnvFile(fs: HomeFs, data: Obj, path: string): void {
  const full = fs.resolve(path)
  if (fs.isDir(full)) throw new KubectlError('error: env secret file cannot be a directory')
  const text = fs.readFile(full)
  if (text === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`)
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) return
    const eq = line.indexOf('=')
    if (eq < 0) return // KEY alone takes the value from kubectl's environment, which has none of the lab's keys.
    const key = line.slice(0, eq)
    if (!KEY_RE.test(key)) throw new KubectlError(`error: "${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (line ${i + 1})`)
    checkKey(data, key)
    data[key] = b64(line.slice(eq + 1))
  })
}

export function buildSecret(fs: HomeFs, name: string, namespace: string | undefined, type: string, literals: string[], files: string[], envFiles: string[]): Obj {
  const data: Obj = {}
  for (const l of literals) {
    const eq = l.indexOf('=')
    if (eq < 0) throw new KubectlError(`error: invalid literal source ${l}, expected key=value`)
    checkKey(data, l.slice(0, eq))
    data[l.slice(0, eq)] = b64(l.slice(eq + 1))
  }
  for (const f of files) fromFile(fs, data, f)
  for (const f of envFiles) fromEnvFile(fs, data, f)
  const metadata: Obj = { name }
  if (namespace !== undefined) metadata.namespace = namespace
  const secret: Obj = { kind: 'Secret', apiVersion: 'v1', metadata }
  if (Object.keys(data).length) secret.data = data
  if (type) secret.type = type
  return secret
}

const SECRET_FLAGS: FlagDef[] = [
  ...CREATE_FLAGS,
  { name: 'from-file', kind: 'stringArray', help: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
  { name: 'from-literal', kind: 'stringArray', help: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
  { name: 'from-env-file', kind: 'stringArray', help: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
  { name: 'type', kind: 'string', help: 'The type of secret to create' },
  { name: 'append-hash', kind: 'bool', help: 'Append a hash of the secret to its name.' },
]

export const createSecretGeneric: Verb = {
  path: 'create secret generic',
  summary: 'Create a secret from a local file, directory, or literal value',
  usage: 'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  loader: 'rest',
  flags: SECRET_FLAGS,
  async run(k) {
    if (k.args.length !== 1) throw usageError(k.commandPath, `exactly one NAME is required, got ${k.args.length}`)
    const f = k.flags
    const client = await k.client()
    const dryRun = dryRunStrategy(k)
    outputFormat(f.str('output'), false)
    const files = stringSlice(f.all('from-file'))
    const envFiles = stringSlice(f.all('from-env-file'))
    const literals = f.all('from-literal')
    if (envFiles.length && (files.length || literals.length)) throw new KubectlError('error: from-env-file cannot be combined with from-file or from-literal')
    if (f.bool('append-hash')) throw new KubectlError('error: --append-hash is not available in this lab')
    const ns = client.config.namespace
    let secret = withApplyAnnotation(k, buildSecret(k.ctx.fs, k.args[0], client.config.enforceNamespace ? ns : undefined, f.str('type'), literals, files, envFiles))
    if (dryRun !== 'client') {
      try {
        secret = await client.request<Obj>('POST', `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets${createQuery(k, dryRun)}`, secret)
      } catch (e) {
        throw new KubectlError(`error: failed to create secret ${errorText(e)}`)
      }
    }
    printCreated(k, secret, dryRun)
    return 0
  },
}
