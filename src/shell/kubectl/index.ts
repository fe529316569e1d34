// Imitates: kubectl pkg/cmd/cmd.go (NewKubectlCommand) with cobra's command lookup and pflag parsing.

import type { CommandContext, CommandSpec } from '../types'
import { GLOBAL_FLAGS, GLOBAL_VALUE_FLAGS, Kubectl, type Verb } from './command'
import { HelpError, KubectlError, renderError } from './errors'
import { Flags, parseFlags } from './flags'
import { ALL_KUBECTL_COMMANDS, notInLab, optionsHelp, topHelp, unknownCommand, verbHelp } from './help'
import { apiResources } from './verbs/apiResources'
import { apply } from './verbs/apply'
import { authCanI } from './verbs/authCanI'
import { authWhoami } from './verbs/authWhoami'
import { authParent } from './verbs/auth'
import { createNamespace, createServiceAccount, createParent } from './verbs/create'
import { createClusterRole, createRole } from './verbs/createRole'
import { createClusterRoleBinding, createRoleBinding } from './verbs/createRolebinding'
import { createSecretGeneric, createSecretParent } from './verbs/createSecret'
import { createToken } from './verbs/createToken'
import { deleteVerb } from './verbs/delete'
import { describe } from './verbs/describe'
import { edit } from './verbs/edit'
import { exec } from './verbs/exec'
import { attach } from './verbs/attach'
import { get } from './verbs/get'
import { annotate, label } from './verbs/labelAnnotate'
import { patchVerb } from './verbs/patch'
import { logs } from './verbs/logs'
import { events } from './verbs/events'
import { explain } from './verbs/explain'
import { apiVersions, clusterInfo } from './verbs/clusterInfo'
import { configCurrentContext, configGetClusters, configGetContexts, configGetUsers, configParent, configView } from './verbs/config'
import { configDeleteCluster, configDeleteContext, configDeleteUser, configRenameContext, configSetCluster, configSetContext, configSetCredentials, configUseContext } from './verbs/configSet'
import { runVerb } from './verbs/run'
import { version } from './verbs/version'
import { wait } from './verbs/wait'
import { createConfigMap } from './verbs/createConfigMap'
import { ProgramTimedOut } from '../limits'

const CREATE_SUBS = [createClusterRole, createClusterRoleBinding, createConfigMap, createNamespace, createRole, createRoleBinding, createSecretParent, createServiceAccount, createToken]
const AUTH_SUBS = [authCanI, authWhoami]
const CONFIG_SUBS = [
  configCurrentContext, configDeleteCluster, configDeleteContext, configDeleteUser, configGetClusters, configGetContexts, configGetUsers,
  configRenameContext, configSetCluster, configSetContext, configSetCredentials, configUseContext, configView,
]
export const VERBS: Verb[] = [get, describe, ...CREATE_SUBS, createSecretGeneric, runVerb, exec, attach, deleteVerb, apply, edit, ...AUTH_SUBS, wait, version, apiResources, label, annotate, patchVerb, ...CONFIG_SUBS, logs, events, clusterInfo, apiVersions, explain]

/** Commands with sub-commands: the parent (run when no sub-command matches) and its children. */
const GROUPS: Record<string, { parent: Verb; subs: Verb[] }> = {
  create: { parent: createParent, subs: CREATE_SUBS },
  'create secret': { parent: createSecretParent, subs: [createSecretGeneric] },
  auth: { parent: authParent, subs: AUTH_SUBS },
  config: { parent: configParent, subs: CONFIG_SUBS },
}

/** Index of the first word that is not a flag or a global flag's value, from `from` on; -1 if none. */
function nextWord(argv: string[], from: number): number {
  for (let i = from; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') return -1
    if (!a.startsWith('-') || a === '-') return i
    if (!a.includes('=') && GLOBAL_VALUE_FLAGS.has(a)) i++
  }
  return -1
}

/** cobra's Find: the longest command path the words name, and the indexes of those words. */
function findVerb(argv: string[]): { verb?: Verb; index: number; word?: string; used: number[] } {
  const i = nextWord(argv, 0)
  if (i < 0) return { index: -1, used: [] }
  const word = argv[i]
  const used = [i]
  let path = word
  for (let group = GROUPS[path]; group; group = GROUPS[path]) {
    const j = nextWord(argv, used[used.length - 1] + 1)
    if (j < 0) break
    const sub = group.subs.find((s) => s.path === `${path} ${argv[j]}` || s.aliases?.includes(argv[j]))
    if (!sub) break
    path = sub.path
    used.push(j)
  }
  const verb = GROUPS[path]?.parent ?? VERBS.find((v) => v.path === path || (!path.includes(' ') && v.aliases?.includes(path)))
  return { verb, index: i, word, used }
}

/** `kubectl VERB --help`: its description and examples load with the first help asked for. */
async function helpFor(verb: Verb): Promise<string> {
  const page = (await import('./helpPages')).HELP_PAGES[verb.path]
  return verbHelp(verb, GROUPS[verb.path]?.subs ?? [], page)
}

async function main(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1)
  const { verb, index, word, used } = findVerb(argv)
  if (index < 0 || word === 'help') {
    const rest = index < 0 ? [] : argv.slice(index + 1)
    const target = rest[0] && [...VERBS, ...Object.values(GROUPS).map((g) => g.parent)].find((v) => v.path === rest[0] || v.path === `${rest[0]} ${rest[1] ?? ''}`.trim())
    if (target) ctx.stdout(await helpFor(target))
    else {
      parseFlags(argv, GLOBAL_FLAGS, "See 'kubectl --help' for usage.")
      ctx.stdout(topHelp([...Object.values(GROUPS).map((g) => g.parent), ...VERBS]))
    }
    return 0
  }
  if (word === 'options') {
    ctx.stdout(optionsHelp())
    return 0
  }
  if (!verb) {
    // A built-in command is found wherever the global flags stand; only an unknown word after flags is taken
    // for a plugin name (kubectl's plugin handler refuses flags before it).
    if (ALL_KUBECTL_COMMANDS.includes(word ?? '')) throw new KubectlError(notInLab(word ?? '', VERBS))
    if (index > 0) throw new KubectlError(`Error: flags cannot be placed before plugin name: ${argv[0]}`)
    throw new KubectlError(unknownCommand(word ?? ''))
  }
  const next = nextWord(argv, used[used.length - 1] + 1)
  const missing = next >= 0 ? verb.unavailable?.(argv[next]) : undefined
  if (missing) throw new KubectlError(missing)
  // The words naming the verb are removed; flags before them stay (they are global flags).
  const rest = argv.filter((_, i) => !used.includes(i))
  // a verb's own flag replaces the global one of its name, shorthand included (cobra: config set-context's
  // --namespace has no -n)
  const local = new Set(verb.flags.map((d) => d.name))
  const defs = [...GLOBAL_FLAGS.filter((g) => !local.has(g.name)), ...verb.flags]
  const parsed = parseFlags(rest, defs, `See '${`kubectl ${verb.path}`} --help' for usage.`)
  const flags = new Flags(parsed, defs)
  if (flags.bool('help')) {
    ctx.stdout(await helpFor(verb))
    return 0
  }
  try {
    return await verb.run(new Kubectl(ctx, flags, verb))
  } catch (e) {
    if (e instanceof HelpError) ctx.stdout(await helpFor(verb))
    throw e
  }
}

export const kubectl: CommandSpec = {
  name: 'kubectl',
  summary: 'control the lab\'s Kubernetes cluster (get, describe, create, apply, edit, run, exec, delete, auth, wait, version)',
  usage: 'kubectl [flags] [options] COMMAND',
  flags: GLOBAL_FLAGS.map((f) => ({ name: f.name, short: f.short, takesValue: f.kind !== 'bool', help: f.help })),
  subcommands: [...new Set(VERBS.map((v) => v.path.split(' ')[0]))],
  async run(ctx: CommandContext): Promise<number> {
    try {
      return await main(ctx)
    } catch (e) {
      // timeout's deadline ends the program: no error of kubectl's to print
      if (e instanceof ProgramTimedOut) throw e
      if (e instanceof KubectlError && e.printed) ctx.stdout(e.printed)
      const err = renderError(e)
      ctx.stderr(err.text.endsWith('\n') ? err.text : `${err.text}\n`)
      return err.exitCode
    }
  },
}
