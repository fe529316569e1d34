// Imitates: kubectl pkg/cmd/config (config.go, view.go, current_context.go, get_contexts.go, get_clusters.go, get_users.go).

import { type Kubectl, type Verb } from '../command'
import { KubectlError, usageError } from '../errors'
import { KUBECTL_TABWRITER, tabwrite } from '../format'
import { flattened, kubeconfigPath, loadKubeconfig, minified, redacted, toV1, type KubeConfig } from '../kubeconfig'
import { outputFormatFor, printGeneric } from '../output'

export function readConfig(k: Kubectl): { path: string; config: KubeConfig } {
  const path = kubeconfigPath(k.ctx, k.flags.has('kubeconfig') ? k.flags.str('kubeconfig') : undefined)
  return { path, config: loadKubeconfig(k.ctx, path) }
}

export const CONFIG_HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.
`

export const configParent: Verb = {
  path: 'config',
  summary: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  unavailable: (sub) =>
    sub === 'set' || sub === 'unset'
      ? `error: "kubectl config ${sub}" is not available in this lab; kubectl config set-cluster, set-credentials, set-context and use-context change the same entries, and the editor changes any of them: edit ~/.kube/config`
      : undefined,
  async run(k) {
    // cmdutil.DefaultSubCommandRun: RequireNoArguments, then the help
    if (k.args.length) throw usageError('kubectl config', `unknown command ${JSON.stringify(k.args.join(' '))}`)
    k.err(`${CONFIG_HELP}\nUsage:\n  kubectl config SUBCOMMAND [options]\n\nUse "kubectl config <command> --help" for more information about a given command.\n`)
    return 1
  },
}

export const configView: Verb = {
  path: 'config view',
  summary: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'kubectl config view [flags] [options]',
  flags: [
    { name: 'output', short: 'o', kind: 'string', default: 'yaml', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'minify', kind: 'bool', help: 'Remove all information not used by current-context from the output' },
    { name: 'raw', kind: 'bool', help: 'Display raw byte data and sensitive data' },
    { name: 'flatten', kind: 'bool', help: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'merge', kind: 'bool', default: 'true', help: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'allow-missing-template-keys', kind: 'bool', default: 'true', help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'template', kind: 'string', help: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
  async run(k) {
    let { path, config } = readConfig(k)
    if (k.flags.bool('minify')) config = minified(config, k.flags.has('context') ? k.flags.str('context') : undefined)
    if (k.flags.bool('flatten')) config = flattened(k.ctx, path, config)
    else if (!k.flags.bool('raw')) config = redacted(config)
    k.out(printGeneric(toV1(config), outputFormatFor(k, false), { typed: true, allowMissingKeys: k.flags.bool('allow-missing-template-keys') }))
    return 0
  },
}

export const configCurrentContext: Verb = {
  path: 'config current-context',
  summary: 'Display the current-context',
  usage: 'kubectl config current-context [flags] [options]',
  flags: [],
  async run(k) {
    const { config } = readConfig(k)
    if (!config.currentContext) throw new KubectlError('error: current-context is not set')
    k.out(`${config.currentContext}\n`)
    return 0
  },
}

export const configGetContexts: Verb = {
  path: 'config get-contexts',
  summary: 'Describe one or many contexts',
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'output', short: 'o', kind: 'string', help: 'Output format. One of: (name).' },
    { name: 'no-headers', kind: 'bool', help: "When using the default or custom-column output format, don't print headers (default print headers)." },
  ],
  async run(k) {
    const { config } = readConfig(k)
    const out = k.flags.str('output')
    if (out !== '' && out !== 'name') throw new KubectlError(`error: --output ${out} is not available in kubectl config get-contexts; resetting to default output format`)
    const names = k.args.length ? k.args : [...config.contexts.keys()].sort()
    const missing = names.filter((n) => !config.contexts.has(n))
    const found = names.filter((n) => config.contexts.has(n))
    if (out === 'name') {
      k.out(found.map((n) => `${n}\n`).join(''))
    } else {
      const rows = k.flags.bool('no-headers') ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n']
      for (const n of found) {
        const c = config.contexts.get(n) ?? {}
        rows.push(`${n === config.currentContext ? '*' : ''}\t${n}\t${c.cluster ?? ''}\t${c.user ?? ''}\t${c.namespace ?? ''}\n`)
      }
      k.out(tabwrite(rows.join(''), KUBECTL_TABWRITER))
    }
    if (missing.length) throw new KubectlError(`error: context ${missing[0]} not found`)
    return 0
  },
}

function nameList(path: string, what: 'clusters' | 'users'): Verb {
  return {
    path,
    summary: what === 'clusters' ? 'Display clusters defined in the kubeconfig' : 'Display users defined in the kubeconfig',
    usage: `kubectl ${path} [flags] [options]`,
    flags: [],
    async run(k) {
      const { config } = readConfig(k)
      k.out(`NAME\n${[...config[what].keys()].sort().map((n) => `${n}\n`).join('')}`)
      return 0
    },
  }
}

export const configGetClusters = nameList('config get-clusters', 'clusters')
export const configGetUsers = nameList('config get-users', 'users')
