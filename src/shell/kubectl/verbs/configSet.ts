// Imitates: kubectl pkg/cmd/config (use_context.go, create_authinfo.go, create_context.go, create_cluster.go,
// delete_context.go, delete_user.go, delete_cluster.go, rename_context.go): edits of the kubeconfig file.

import { encodeBase64Text } from '../../../common/base64'
import { type Kubectl, type Verb } from '../command'
import { HelpError, KubectlError } from '../errors'
import type { FlagDef } from '../flags'
import { saveKubeconfig } from '../kubeconfig'
import { readConfig } from './config'
import { absPath } from '../kubeconfigPaths'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

function oneName(k: Kubectl): string {
  if (k.args.length !== 1) throw new KubectlError(`error: unexpected args: [${k.args.join(' ')}]`)
  return k.args[0]
}

export const configUseContext: Verb = {
  path: 'config use-context',
  aliases: ['use'],
  summary: 'Set the current-context in a kubeconfig file',
  usage: 'kubectl config use-context CONTEXT_NAME [options]',
  flags: [],
  async run(k) {
    if (k.args.length !== 1) throw new HelpError(`error: Unexpected args: [${k.args.join(' ')}]`)
    const name = k.args[0]
    const { path, config } = readConfig(k)
    if (!config.contexts.has(name)) throw new KubectlError(`error: no context exists with the name: "${name}"`)
    config.currentContext = name
    saveKubeconfig(k.ctx, path, config)
    k.out(`Switched to context "${name}".\n`)
    return 0
  },
}

/** A path given on the command line, absolute (filepath.Abs: from the working directory; `~` is the shell's to expand). */
const fromFlag = (k: Kubectl, file: string) => absPath(k.ctx.fs.cwd(), file)

/** Reads a file for --embed-certs, base64 as the kubeconfig stores it. */
function embed(k: Kubectl, file: string): string {
  const text = k.ctx.fs.readFile(fromFlag(k, file))
  if (text === undefined) throw new KubectlError(`error: could not read ${file} data from ${file}: open ${file}: no such file or directory`)
  return encodeBase64Text(text)
}

const str = (k: Kubectl, name: string) => (k.flags.has(name) ? k.flags.str(name) : undefined)

export const configSetCredentials: Verb = {
  path: 'config set-credentials',
  summary: 'Set a user entry in kubeconfig',
  usage: 'kubectl config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value] [options]',
  flags: [
    { name: 'token', kind: 'string', help: 'token for the user entry in kubeconfig' },
    { name: 'client-certificate', kind: 'string', help: 'Path to client-certificate file for the user entry in kubeconfig' },
    { name: 'client-key', kind: 'string', help: 'Path to client-key file for the user entry in kubeconfig' },
    { name: 'embed-certs', kind: 'bool', help: 'Embed client cert/key for the user entry in kubeconfig' },
    { name: 'username', kind: 'string', help: 'username for the user entry in kubeconfig' },
    { name: 'password', kind: 'string', help: 'password for the user entry in kubeconfig' },
  ],
  async run(k) {
    const name = oneName(k)
    const token = str(k, 'token')
    if (token !== undefined && (str(k, 'username') !== undefined || str(k, 'password') !== undefined)) {
      throw new KubectlError('error: you cannot specify more than one authentication method at the same time: --token, --username/--password')
    }
    const { path, config } = readConfig(k)
    const user: Obj = { ...config.users.get(name) }
    if (token !== undefined) user.token = token
    for (const [flag, field] of [['client-certificate', 'client-certificate'], ['client-key', 'client-key']]) {
      const v = str(k, flag)
      if (v === undefined) continue
      if (k.flags.bool('embed-certs')) {
        user[`${field}-data`] = embed(k, v)
        delete user[field]
      } else {
        user[field] = fromFlag(k, v)
        delete user[`${field}-data`]
      }
    }
    if (str(k, 'username') !== undefined) user.username = str(k, 'username')
    if (str(k, 'password') !== undefined) user.password = str(k, 'password')
    config.users.set(name, user)
    saveKubeconfig(k.ctx, path, config)
    k.out(`User "${name}" set.\n`)
    return 0
  },
}

export const configSetContext: Verb = {
  path: 'config set-context',
  summary: 'Set a context entry in kubeconfig',
  usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [
    { name: 'current', kind: 'bool', help: 'Modify the current context' },
    { name: 'cluster', kind: 'string', help: 'cluster for the context entry in kubeconfig' },
    { name: 'user', kind: 'string', help: 'user for the context entry in kubeconfig' },
    { name: 'namespace', short: 'n', kind: 'string', help: 'namespace for the context entry in kubeconfig' },
  ],
  async run(k) {
    const { path, config } = readConfig(k)
    let name: string
    // complete (more than one name: the help and the error), then validate
    if (k.args.length > 1) throw new HelpError(`error: Unexpected args: [${k.args.join(' ')}]`)
    if (k.args.length === 0 && !k.flags.bool('current')) throw new KubectlError('error: you must specify a non-empty context name or --current')
    if (k.flags.bool('current')) {
      if (k.args.length > 0) throw new KubectlError('error: you cannot specify both a context name and --current')
      if (!config.currentContext) throw new KubectlError('error: no current context is set')
      name = config.currentContext
    } else {
      name = k.args[0]
    }
    const existed = config.contexts.has(name)
    const c: Obj = { ...config.contexts.get(name) }
    for (const f of ['cluster', 'user', 'namespace']) if (k.flags.has(f)) c[f] = k.flags.str(f)
    config.contexts.set(name, c)
    saveKubeconfig(k.ctx, path, config)
    k.out(`Context "${name}" ${existed ? 'modified' : 'created'}.\n`)
    return 0
  },
}

export const configSetCluster: Verb = {
  path: 'config set-cluster',
  summary: 'Set a cluster entry in kubeconfig',
  usage: 'kubectl config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]',
  flags: [
    { name: 'server', kind: 'string', help: 'server for the cluster entry in kubeconfig' },
    { name: 'certificate-authority', kind: 'string', help: 'Path to certificate-authority file for the cluster entry in kubeconfig' },
    { name: 'embed-certs', kind: 'bool', help: 'embed-certs for the cluster entry in kubeconfig' },
    { name: 'insecure-skip-tls-verify', kind: 'bool', help: 'insecure-skip-tls-verify for the cluster entry in kubeconfig' },
    { name: 'tls-server-name', kind: 'string', help: 'tls-server-name for the cluster entry in kubeconfig' },
  ],
  async run(k) {
    const name = oneName(k)
    const { path, config } = readConfig(k)
    const c: Obj = { ...config.clusters.get(name) }
    if (str(k, 'server') !== undefined) c.server = str(k, 'server')
    if (str(k, 'tls-server-name') !== undefined) c['tls-server-name'] = str(k, 'tls-server-name')
    if (k.flags.has('insecure-skip-tls-verify')) {
      c['insecure-skip-tls-verify'] = k.flags.bool('insecure-skip-tls-verify')
      if (c['insecure-skip-tls-verify']) {
        delete c['certificate-authority']
        delete c['certificate-authority-data']
      }
    }
    const ca = str(k, 'certificate-authority')
    if (ca !== undefined) {
      if (k.flags.bool('embed-certs')) {
        c['certificate-authority-data'] = embed(k, ca)
        delete c['certificate-authority']
      } else {
        c['certificate-authority'] = fromFlag(k, ca)
        delete c['certificate-authority-data']
      }
    }
    config.clusters.set(name, c)
    saveKubeconfig(k.ctx, path, config)
    k.out(`Cluster "${name}" set.\n`)
    return 0
  },
}

function deleter(what: 'context' | 'user' | 'cluster'): Verb {
  const field = what === 'context' ? 'contexts' : what === 'user' ? 'users' : 'clusters'
  return {
    path: `config delete-${what}`,
    summary: `Delete the specified ${what} from the kubeconfig`,
    usage: `kubectl config delete-${what} NAME [options]`,
    flags: [],
    async run(k) {
      const name = oneName(k)
      const { path, config } = readConfig(k)
      if (!config[field].has(name)) throw new KubectlError(`error: cannot delete ${what} ${name}, not in ${path}`)
      config[field].delete(name)
      if (what === 'context' && config.currentContext === name) {
        k.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n')
      }
      saveKubeconfig(k.ctx, path, config)
      k.out(`deleted ${what} ${name} from ${path}\n`)
      return 0
    },
  }
}

export const configDeleteContext = deleter('context')
export const configDeleteUser = deleter('user')
export const configDeleteCluster = deleter('cluster')

export const configRenameContext: Verb = {
  path: 'config rename-context',
  summary: 'Rename a context from the kubeconfig file',
  usage: 'kubectl config rename-context CONTEXT_NAME NEW_NAME [options]',
  flags: [] as FlagDef[],
  async run(k) {
    if (k.args.length !== 2) throw new KubectlError(`error: Unexpected args: [${k.args.join(' ')}]\nSee 'kubectl config rename-context -h' for help and examples`)
    const [from, to] = k.args
    const { path, config } = readConfig(k)
    const c = config.contexts.get(from)
    if (!c) throw new KubectlError(`error: cannot rename the context "${from}", it's not in ${path}`)
    if (config.contexts.has(to)) throw new KubectlError(`error: cannot rename the context "${from}", the context "${to}" already exists in ${path}`)
    config.contexts.delete(from)
    config.contexts.set(to, c)
    if (config.currentContext === from) config.currentContext = to
    saveKubeconfig(k.ctx, path, config)
    k.out(`Context "${from}" renamed to "${to}".\n`)
    return 0
  },
}
