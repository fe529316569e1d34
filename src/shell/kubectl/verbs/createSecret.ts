// Imitates: kubectl pkg/cmd/create/create_secret.go (secret generic) and pkg/util/hash (ParseFileSource,
// ParseLiteralSource) as create_secret uses them; docker-registry and tls are not in the lab.

import type { HomeFs, ShellEnv } from '../../types'
import { createFromSources, envFileSource, fileSource, goMap, literalSource, type AddKey } from './createSources'
import { isConfigMapKey } from '../../../cluster/api/validation'
import { type Verb } from '../command'
import { KubectlError } from '../errors'
import type { FlagDef } from '../flags'
import { CREATE_FLAGS } from './create'
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


/** Base64 of the UTF-8 bytes of `text`. */
export const b64 = encodeBase64Text

/** createSecret: the literals, then the files, then the env files, each key checked as addKeyFromLiteralToSecret does. */
export function buildSecret(ctx: { fs: HomeFs; env: ShellEnv }, name: string, namespace: string | undefined, type: string, literals: string[], files: string[], envFiles: string[]): Obj {
  const data: Obj = {}
  const add: AddKey = (key, value) => {
    const errs = isConfigMapKey(key)
    if (errs.length) throw new KubectlError(`error: ${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`)
    if (Object.hasOwn(data, key)) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`)
    data[key] = b64(value)
  }
  for (const l of literals) literalSource(l, add)
  for (const f of files) fileSource(ctx.fs, f, add)
  for (const f of envFiles) envFileSource(ctx.fs, ctx.env, f, 'env secret file cannot be a directory', add)
  const metadata: Obj = { name }
  if (namespace !== undefined) metadata.namespace = namespace
  const secret: Obj = { kind: 'Secret', apiVersion: 'v1', metadata }
  if (Object.keys(data).length) secret.data = goMap(data)
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
  run: (k) =>
    createFromSources(k, 'secrets', 'failed to create secret ', (s, namespace) => buildSecret(k.ctx, k.args[0], namespace, k.flags.str('type'), s.literals, s.files, s.envFiles)),
}
