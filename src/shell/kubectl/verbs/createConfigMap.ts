// Imitates: kubectl pkg/cmd/create/create_configmap.go (v0.35): a ConfigMap from files, a directory,
// literals or env files; text that is valid UTF-8 goes to data, other bytes to binaryData.

import { isConfigMapKey } from '../../../cluster/api/validation'
import { encodeBase64 } from '../../../common/base64'
import { bytesOf, hasRawBytes } from '../../../common/bytes'
import type { HomeFs, ShellEnv } from '../../types'
import { type Verb } from '../command'
import { KubectlError } from '../errors'
import { CREATE_FLAGS } from './create'
import { createFromSources, envFileSource, fileSource, goMap, literalSource, type AddKey } from './createSources'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** createConfigMap: the files, then the literals, then the env files (validateNewConfigMap on each key). */
export function buildConfigMap(ctx: { fs: HomeFs; env: ShellEnv }, name: string, namespace: string | undefined, files: string[], literals: string[], envFiles: string[]): Obj {
  const data: Record<string, string> = {}
  const binaryData: Record<string, string> = {}
  const check = (key: string) => {
    const errs = isConfigMapKey(key)
    if (errs.length) throw new KubectlError(`error: ${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`)
    for (const [where, m] of [['Data', data], ['BinaryData', binaryData]] as const) {
      if (Object.hasOwn(m, key)) throw new KubectlError(`error: cannot add key ${JSON.stringify(key)}, another key by that name already exists in ${where} for ConfigMap ${JSON.stringify(name)}`)
    }
  }
  const literal: AddKey = (key, value) => {
    check(key)
    data[key] = value
  }
  // addKeyFromFileToConfigMap: valid UTF-8 is text, anything else bytes
  const file: AddKey = (key, value) => {
    if (!hasRawBytes(value)) return literal(key, value)
    check(key)
    binaryData[key] = encodeBase64(bytesOf(value))
  }
  for (const f of files) fileSource(ctx.fs, f, file)
  for (const l of literals) literalSource(l, literal)
  for (const f of envFiles) envFileSource(ctx.fs, ctx.env, f, 'env config file cannot be a directory', literal)
  const metadata: Obj = { name }
  if (namespace !== undefined) metadata.namespace = namespace
  const cm: Obj = { kind: 'ConfigMap', apiVersion: 'v1', metadata }
  if (Object.keys(data).length) cm.data = goMap(data)
  if (Object.keys(binaryData).length) cm.binaryData = goMap(binaryData)
  return cm
}

export const createConfigMap: Verb = {
  path: 'create configmap',
  aliases: ['cm'],
  summary: 'Create a config map from a local file, directory or literal value',
  usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  loader: 'rest',
  flags: [
    ...CREATE_FLAGS,
    { name: 'from-file', kind: 'stringArray', help: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
    { name: 'from-literal', kind: 'stringArray', help: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { name: 'from-env-file', kind: 'stringArray', help: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
    { name: 'append-hash', kind: 'bool', help: 'Append a hash of the configmap to its name.' },
  ],
  run: (k) =>
    createFromSources(k, 'configmaps', 'failed to create configmap: ', (s, namespace) => buildConfigMap(k.ctx, k.args[0], namespace, s.files, s.literals, s.envFiles)),
}
