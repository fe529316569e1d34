// Imitates: kubectl pkg/cmd/cmd.go (NewKubectlCommand) with cobra's command lookup and pflag parsing.

import type { CommandContext, CommandSpec } from '../types'
import { GLOBAL_FLAGS, GLOBAL_VALUE_FLAGS, Kubectl, type Verb } from './command'
import { KubectlError, renderError } from './errors'
import { Flags, parseFlags } from './flags'
import { ALL_KUBECTL_COMMANDS, optionsHelp, topHelp, unknownCommand, verbHelp } from './help'
import { apiResources } from './verbs/api-resources'
import { createNamespace, createServiceAccount, createParent } from './verbs/create'
import { deleteVerb } from './verbs/delete'
import { describe } from './verbs/describe'
import { exec } from './verbs/exec'
import { get } from './verbs/get'
import { runVerb } from './verbs/run'
import { version } from './verbs/version'
import { wait } from './verbs/wait'

export const VERBS: Verb[] = [get, describe, createNamespace, createServiceAccount, runVerb, exec, deleteVerb, wait, version, apiResources]
const CREATE_SUBS = [createNamespace, createServiceAccount]

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

function findVerb(argv: string[]): { verb?: Verb; index: number; word?: string; createSub?: string } {
  const i = nextWord(argv, 0)
  if (i < 0) return { index: -1 }
  const word = argv[i]
  if (word === 'create') {
    const j = nextWord(argv, i + 1)
    const sub = j >= 0 ? argv[j] : undefined
    const v = CREATE_SUBS.find((s) => sub !== undefined && (s.path === `create ${sub}` || s.aliases?.includes(sub)))
    if (v) return { verb: v, index: i, word, createSub: sub }
    return { verb: createParent, index: i, word, createSub: sub }
  }
  return { verb: VERBS.find((v) => v.path === word || v.aliases?.includes(word)), index: i, word }
}

async function main(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1)
  const { verb, index, word, createSub } = findVerb(argv)
  if (index < 0 || word === 'help') {
    const rest = index < 0 ? [] : argv.slice(index + 1)
    const target = rest[0] && VERBS.find((v) => v.path === rest[0] || v.path === `${rest[0]} ${rest[1] ?? ''}`.trim())
    if (target) ctx.stdout(verbHelp(target))
    else if (rest[0] === 'create') ctx.stdout(verbHelp(createParent, CREATE_SUBS))
    else {
      parseFlags(argv, GLOBAL_FLAGS, "See 'kubectl --help' for usage.")
      ctx.stdout(topHelp(VERBS))
    }
    return 0
  }
  if (word === 'options') {
    ctx.stdout(optionsHelp())
    return 0
  }
  if (!verb) {
    if (index > 0) throw new KubectlError(`Error: flags cannot be placed before plugin name: ${argv[0]}`)
    if (ALL_KUBECTL_COMMANDS.includes(word ?? '')) {
      throw new KubectlError(
        `error: "kubectl ${word}" is not available in this lab yet. The lab's kubectl offers: get, describe, create namespace|serviceaccount, run, exec, delete, wait, version, api-resources.`,
      )
    }
    throw new KubectlError(unknownCommand(word ?? ''))
  }
  // The words naming the verb are removed; flags before them stay (they are global flags).
  const rest = [...argv.slice(0, index), ...argv.slice(index + 1)]
  if (createSub !== undefined && verb !== createParent) rest.splice(rest.indexOf(createSub, index), 1)
  const defs = [...GLOBAL_FLAGS, ...verb.flags]
  const parsed = parseFlags(rest, defs, `See '${`kubectl ${verb.path}`} --help' for usage.`)
  const flags = new Flags(parsed, defs)
  if (flags.bool('help')) {
    ctx.stdout(verb === createParent ? verbHelp(createParent, CREATE_SUBS) : verbHelp(verb))
    return 0
  }
  return verb.run(new Kubectl(ctx, flags, verb))
}

export const kubectl: CommandSpec = {
  name: 'kubectl',
  summary: 'control the lab\'s Kubernetes cluster (get, describe, create, run, exec, delete, wait, version)',
  usage: 'kubectl [flags] [options] COMMAND',
  flags: GLOBAL_FLAGS.map((f) => ({ name: f.name, short: f.short, takesValue: f.kind !== 'bool', help: f.help })),
  subcommands: [...new Set(VERBS.map((v) => v.path.split(' ')[0]))],
  async run(ctx: CommandContext): Promise<number> {
    try {
      return await main(ctx)
    } catch (e) {
      const err = renderError(e)
      ctx.stderr(err.text.endsWith('\n') ? err.text : `${err.text}\n`)
      return err.exitCode
    }
  },
}
