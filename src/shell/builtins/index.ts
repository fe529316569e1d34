// The builtins that need the shell itself (its options, positional parameters, traps, aliases,
// the ability to run text); the executor asks here before looking for a command.

import type { Builtin, BuiltinCall } from './host'
import { readBuiltin } from './read'
import { setBuiltin, shiftBuiltin } from './set'
import { shoptBuiltin } from './shopt'
import { getoptsBuiltin } from './getopts'
import { mapfileBuiltin } from './mapfile'
import { dirsBuiltin, popdBuiltin, pushdBuiltin } from './dirs'
import { execBuiltin, timesBuiltin, unsimulatedBuiltin, UNSIMULATED_BUILTINS } from './exec'
import { aliasBuiltin, evalBuiltin, exitBuiltin, sourceBuiltin, trapBuiltin, unaliasBuiltin } from './meta'
import { commandBuiltin, typeBuiltin } from './describe'
import { hashBuiltin } from './hash'
import { builtinBuiltin, letBuiltin, umaskBuiltin } from './more'
import { declareBuiltin } from './declare'
import { readonlyBuiltin } from './readonly'
import { bgBuiltin, fgBuiltin, jobsBuiltin, killBuiltin, waitBuiltin } from './jobs'

const TABLE: Record<string, Builtin> = {
  read: readBuiltin,
  set: setBuiltin,
  shift: shiftBuiltin,
  shopt: shoptBuiltin,
  getopts: getoptsBuiltin,
  mapfile: mapfileBuiltin,
  readarray: mapfileBuiltin,
  eval: evalBuiltin,
  source: sourceBuiltin,
  '.': sourceBuiltin,
  exit: exitBuiltin,
  trap: trapBuiltin,
  alias: aliasBuiltin,
  unalias: unaliasBuiltin,
  type: typeBuiltin,
  command: commandBuiltin,
  hash: hashBuiltin,
  umask: umaskBuiltin,
  let: letBuiltin,
  builtin: builtinBuiltin,
  declare: declareBuiltin,
  typeset: declareBuiltin,
  local: declareBuiltin,
  readonly: readonlyBuiltin,
  jobs: jobsBuiltin,
  wait: waitBuiltin,
  kill: killBuiltin,
  fg: fgBuiltin,
  bg: bgBuiltin,
  exec: execBuiltin,
  dirs: dirsBuiltin,
  pushd: pushdBuiltin,
  popd: popdBuiltin,
  times: timesBuiltin,
  ...Object.fromEntries([...UNSIMULATED_BUILTINS].map((n) => [n, unsimulatedBuiltin])),
}

/** The builtin for a name, if the shell itself implements it. */
export function shellBuiltin(name: string): ((c: BuiltinCall) => Promise<number>) | undefined {
  const b = Object.hasOwn(TABLE, name) ? TABLE[name] : undefined
  return b && (async (c) => b(c))
}

export type { BuiltinHost, BuiltinCall } from './host'
