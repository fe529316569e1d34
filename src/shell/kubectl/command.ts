// Imitates: kubectl pkg/cmd/cmd.go and cli-runtime genericclioptions.ConfigFlags (global flags, the per-verb command shape).

import type { CommandContext } from '../types'
import { RestClient, loadClientConfig, type ClientConfig, type GlobalOptions } from './client'
import { Flags, type FlagDef } from './flags'

/** kubectl's global (persistent) flags, accepted before or after the verb. */
export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'namespace', short: 'n', kind: 'string', help: 'If present, the namespace scope for this CLI request' },
  { name: 'kubeconfig', kind: 'string', help: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'context', kind: 'string', help: 'The name of the kubeconfig context to use' },
  { name: 'cluster', kind: 'string', help: 'The name of the kubeconfig cluster to use' },
  { name: 'user', kind: 'string', help: 'The name of the kubeconfig user to use' },
  { name: 'username', kind: 'string', help: 'Username for basic authentication to the API server' },
  { name: 'password', kind: 'string', help: 'Password for basic authentication to the API server' },
  { name: 'server', short: 's', kind: 'string', help: 'The address and port of the Kubernetes API server' },
  { name: 'token', kind: 'string', help: 'Bearer token for authentication to the API server' },
  { name: 'certificate-authority', kind: 'string', help: 'Path to a cert file for the certificate authority' },
  { name: 'client-certificate', kind: 'string', help: 'Path to a client certificate file for TLS' },
  { name: 'client-key', kind: 'string', help: 'Path to a client key file for TLS' },
  { name: 'insecure-skip-tls-verify', kind: 'bool', help: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: 'tls-server-name', kind: 'string', help: 'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used' },
  { name: 'as', kind: 'string', help: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.' },
  { name: 'as-group', kind: 'stringArray', help: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.' },
  { name: 'as-uid', kind: 'string', help: 'UID to impersonate for the operation.' },
  { name: 'request-timeout', kind: 'string', help: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.", default: '0' },
  { name: 'v', short: 'v', kind: 'int', help: 'number for the log level verbosity', default: '0' },
  { name: 'warnings-as-errors', kind: 'bool', help: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'match-server-version', kind: 'bool', help: 'Require server version to match client version' },
  { name: 'cache-dir', kind: 'string', help: 'Default cache directory', default: '/root/.kube/cache' },
  { name: 'disable-compression', kind: 'bool', help: 'If true, opt-out of response compression for all requests to the server' },
  { name: 'help', short: 'h', kind: 'bool', help: 'help for kubectl' },
]

/** Global flags that take a value, for finding the verb among the words (cobra stripFlags). */
export const GLOBAL_VALUE_FLAGS = new Set(
  GLOBAL_FLAGS.filter((f) => f.kind !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]),
)

/** One kubectl verb (or `create` sub-verb): a declarative spec and a run function. */
export interface Verb {
  /** Command path after `kubectl`, e.g. `get` or `create namespace`. */
  path: string
  aliases?: string[]
  summary: string
  usage: string
  flags: FlagDef[]
  /**
   * How many discovery requests a real kubectl makes before it gives up on an unreachable server or a rejected
   * token (one klog line each); 0 or unset: the verb does no discovery.
   */
  discoveryAttempts?: number
  /** Which kubeconfig path client-go takes first (see GlobalOptions.loader). */
  loader?: 'namespace' | 'rest'
  /**
   * A group's answer for a sub-command kubectl has and the lab does not (undefined for any other word):
   * said before the flags are read, so that its flags are not taken for unknown ones of the group.
   */
  unavailable?(sub: string): string | undefined
  run(k: Kubectl): Promise<number>
}

export class Kubectl {
  private clientPromise?: Promise<RestClient>
  constructor(
    readonly ctx: CommandContext,
    readonly flags: Flags,
    readonly verb: Verb,
  ) {}

  get args(): string[] {
    return this.flags.args
  }
  out(text: string): void {
    this.ctx.stdout(text)
  }
  err(text: string): void {
    this.ctx.stderr(text)
  }
  now(): number {
    return this.ctx.lab.now()
  }

  globalOptions(): GlobalOptions {
    const f = this.flags
    // A verb's own flag shadows the global one of the same name (create rolebinding --user).
    const local = new Set(this.verb.flags.map((d) => d.name))
    const opt = (name: string) => (f.has(name) && !local.has(name) ? f.str(name) : undefined)
    return {
      namespace: opt('namespace'),
      kubeconfig: opt('kubeconfig'),
      context: opt('context'),
      cluster: opt('cluster'),
      user: opt('user'),
      server: opt('server'),
      token: opt('token'),
      clientCertificate: opt('client-certificate'),
      clientKey: opt('client-key'),
      username: opt('username'),
      password: opt('password'),
      certificateAuthority: opt('certificate-authority'),
      insecureSkipTlsVerify: f.has('insecure-skip-tls-verify') ? f.bool('insecure-skip-tls-verify') : undefined,
      as: opt('as'),
      asGroups: f.all('as-group'),
      asUid: opt('as-uid'),
      loader: this.verb.loader,
      verbosity: Number.parseInt(f.str('v'), 10) || 0,
    }
  }

  /** The REST client; for verbs that map resources, discovery runs first (and ends the command when it fails). */
  client(): Promise<RestClient> {
    this.clientPromise ??= loadClientConfig(this.ctx, this.globalOptions()).then(async (cfg: ClientConfig) => {
      const client = new RestClient(this.ctx, cfg)
      const attempts = this.verb.discoveryAttempts ?? 0
      if (attempts > 0) await client.discover(attempts)
      return client
    })
    return this.clientPromise
  }

  /** The REST client without discovery (kubectl auth can-i runs its own). */
  bareClient(): Promise<RestClient> {
    return loadClientConfig(this.ctx, this.globalOptions()).then((cfg) => new RestClient(this.ctx, cfg))
  }

  /** `See 'kubectl get -h' for help and examples` (cmdutil.UsageErrorf). */
  get commandPath(): string {
    return `kubectl ${this.verb.path}`
  }
}

/** Flags shared by commands that print objects (genericclioptions.PrintFlags). */
export const OUTPUT_FLAG: FlagDef = {
  name: 'output',
  short: 'o',
  kind: 'string',
  help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
}

export const DRY_RUN_FLAG: FlagDef = {
  name: 'dry-run',
  kind: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
}

export const PRINT_FLAGS: FlagDef[] = [
  OUTPUT_FLAG,
  { name: 'allow-missing-template-keys', kind: 'bool', default: 'true', help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  { name: 'show-managed-fields', kind: 'bool', help: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'template', kind: 'string', help: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
]
