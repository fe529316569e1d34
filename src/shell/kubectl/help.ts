// Imitates: kubectl pkg/cmd/cmd.go (command groups of `kubectl --help`) and cobra's usage template and suggestions.

import { GLOBAL_FLAGS, type Verb } from './command'
import type { FlagDef } from './flags'
import type { HelpPage } from './helpPages'

/** Every top-level kubectl command, in the order kubectl registers them (cobra suggests in this order). */
export const ALL_KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'api-resources', 'api-versions', 'config', 'plugin', 'version',
  'options', 'help',
]

const SUGGEST_FOR: Record<string, string[]> = { get: ['list', 'ps'], wait: ['list', 'ps'] }

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
  }
  return d[a.length][b.length]
}

/** cobra's SuggestionsFor: distance ≤ 2, a prefix, or an explicit SuggestFor. */
export function suggestions(typed: string): string[] {
  const t = typed.toLowerCase()
  return ALL_KUBECTL_COMMANDS.filter(
    (c) => c !== 'help' && (levenshtein(t, c) <= 2 || c.startsWith(t) || SUGGEST_FOR[c]?.includes(t)),
  )
}

export function unknownCommand(typed: string): string {
  const s = suggestions(typed)
  const tail = s.length ? `\n\nDid you mean this?\n${s.map((c) => `\t${c}`).join('\n')}` : ''
  return `error: unknown command "${typed}" for "kubectl"${tail}`
}

/** A flag's default as kubectl's help prints it: a string quoted, other types as pflag shows them. */
function shownDefault(f: FlagDef): string {
  if (f.shownDefault !== undefined) return f.shownDefault
  switch (f.kind) {
    case 'string':
      return `'${f.default ?? ''}'`
    case 'bool':
      return f.default ?? 'false'
    case 'stringArray':
      return f.default ?? '[]'
    default:
      return f.default ?? '0'
  }
}

/** kubectl's flag list (templates.flagsUsages): by name, each `    [-s, ]--name=default:` and its usage; --help is not listed. */
function flagLines(flags: FlagDef[]): string {
  return flags
    .filter((f) => f.name !== 'help')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${shownDefault(f)}:\n\t${f.help}\n`)
    .join('\n')
}

/** `kubectl` / `kubectl --help`: the command groups, with the lab's commands only. */
export function topHelp(verbs: Verb[]): string {
  const top = new Map<string, Verb>()
  for (const v of verbs) {
    const name = v.path.split(' ')[0]
    if (!top.has(name)) top.set(name, v)
  }
  const line = (name: string, summary: string) => `  ${name.padEnd(15)} ${summary}\n`
  const group = (title: string, names: string[]) => {
    const rows = names.filter((n) => top.has(n)).map((n) => line(n, top.get(n)?.summary ?? ''))
    return rows.length ? `${title}:\n${rows.join('')}\n` : ''
  }
  return (
    'kubectl controls the Kubernetes cluster manager.\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    group('Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']) +
    group('Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']) +
    group('Cluster Management Commands', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']) +
    group('Troubleshooting and Debugging Commands', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']) +
    group('Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']) +
    group('Settings Commands', ['label', 'annotate', 'completion']) +
    group('Other Commands', ['api-resources', 'api-versions', 'config', 'plugin', 'version']) +
    'Usage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    '(This lab implements the commands above; the other kubectl commands say so when you run them.)\n'
  )
}

/**
 * The sub-commands kubectl 1.33 has under each group, the lab's or not: cobra pads every name to the
 * longest of them (at least 11), so the lab's shorter list lines up as the real one does.
 */
const REAL_SUBCOMMANDS: Record<string, string[]> = {
  create: ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget',
    'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'],
  config: ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context',
    'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'],
  auth: ['can-i', 'reconcile', 'whoami'],
  'create secret': ['docker-registry', 'generic', 'tls'],
}

/**
 * `kubectl VERB --help`, laid out as kubectl's usage template lays it out: the description, the
 * aliases, the examples (`page`, from helpPages.ts), the lab's sub-commands and options, the usage.
 */
export function verbHelp(v: Verb, subVerbs: Verb[] = [], page?: HelpPage): string {
  const names = subVerbs.map((s) => s.path.slice(v.path.length + 1))
  // cobra's `{{rpad .Name .NamePadding}}` (minNamePadding 11), then three spaces before the summary
  const pad = Math.max(11, ...(REAL_SUBCOMMANDS[v.path] ?? names).map((n) => n.length)) + 3
  const subs = subVerbs.length
    ? `Available Commands:\n${subVerbs.map((s, i) => `  ${names[i].padEnd(pad)}${s.summary}\n`).join('')}\n`
    : ''
  const name = v.path.split(' ').pop() ?? v.path
  const aliases = v.aliases?.length ? `Aliases:\n${[name, ...v.aliases].join(', ')}\n\n` : ''
  const examples = page?.examples ? `Examples:\n${page.examples}\n\n` : ''
  const flags = v.flags.length ? `Options:\n${flagLines(v.flags)}\n` : ''
  // kubectl points to the sub-commands' help where a command has some (the lab's: the groups above)
  const more = subVerbs.length ? `Use "kubectl ${v.path} <command> --help" for more information about a given command.\n` : ''
  return (
    `${page?.long ?? `${v.summary}.`}\n\n${aliases}${examples}${subs}${flags}Usage:\n  ${v.usage}\n\n` +
    `${more}Use "kubectl options" for a list of global command-line options (applies to all commands).\n`
  )
}

export function optionsHelp(): string {
  return `The following options can be passed to any command:\n\n${flagLines(GLOBAL_FLAGS)}`
}

/** What to try instead of a kubectl command the lab does not have (our own words). */
const INSTEAD: Record<string, string> = {
  top: 'the lab runs no metrics-server; kubectl describe pod POD shows what a pod asks for',
  cp: 'kubectl exec POD -- cat FILE prints a file from a container',
  debug: 'kubectl exec POD -- COMMAND runs a command in a running container',
  'port-forward': 'the lab has no network to forward; curl the API server from the workstation instead',
  proxy: 'curl https://10.0.1.10:6443 with a token talks to the API server directly',
  expose: 'the lab serves no Services of its own',
  rollout: 'the lab runs bare pods, not Deployments',
  scale: 'the lab runs bare pods, not Deployments',
  autoscale: 'the lab runs bare pods, not Deployments',
  set: 'kubectl edit or kubectl patch change an object',
  replace: 'kubectl apply -f FILE or kubectl edit change an object',
  diff: 'kubectl apply --dry-run=server -f FILE -o yaml shows what the server would store',
}

/** The message for a kubectl command this lab does not implement. */
export function notInLab(word: string, verbs: Verb[]): string {
  const have = [...new Set(verbs.map((v) => v.path.split(' ')[0]))].join(', ')
  const hint = INSTEAD[word] ? ` (${INSTEAD[word]})` : ''
  return `error: "kubectl ${word}" is not available in this lab${hint}. The lab's kubectl offers: ${have}.`
}
