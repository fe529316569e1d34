// Imitates: k8s.io/client-go/tools/clientcmd (validation.go: validateAuthInfo and validateClusterInfo, as
// DirectClientConfig.ConfirmUsable runs them before any request) and kubectl's way of printing what they
// found: one problem as `error: …`, several as `Error in configuration: ` and a `* …` line each.

import type { CommandContext } from '../types'
import { KubectlError } from './errors'
import type { GlobalOptions } from './client'

const set = (v: unknown) => (typeof v === 'string' ? v !== '' : Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== false)

/** os.Open's complaint about a path the kubeconfig names, or undefined when it opens (a directory opens too). */
function cannotOpen(ctx: CommandContext, path: string): string | undefined {
  return ctx.fs.exists(ctx.fs.resolve(path)) ? undefined : `open ${path}: no such file or directory`
}

/** validateAuthInfo: the user entry (`name` as the context names it) with the global flags laid over it. */
function userProblems(ctx: CommandContext, opts: GlobalOptions, name: string, user: Record<string, unknown>): string[] {
  const out: string[] = []
  const cert = user['client-certificate']
  const key = user['client-key']
  if (set(cert) || set(user['client-certificate-data'])) {
    if (set(cert) && set(user['client-certificate-data'])) out.push(`client-cert-data and client-cert are both specified for ${name}. client-cert-data will override.`)
    if (set(key) && set(user['client-key-data'])) out.push(`client-key-data and client-key are both specified for ${name}; client-key-data will override`)
    if (!set(key) && !set(user['client-key-data'])) out.push(`client-key-data or client-key must be specified for ${name} to use the clientCert authentication method.`)
    const certWhy = typeof cert === 'string' && cert !== '' ? cannotOpen(ctx, cert) : undefined
    if (certWhy) out.push(`unable to read client-cert ${String(cert)} for ${name} due to ${certWhy}`)
    const keyWhy = typeof key === 'string' && key !== '' ? cannotOpen(ctx, key) : undefined
    if (keyWhy) out.push(`unable to read client-key ${String(key)} for ${name} due to ${keyWhy}`)
  }
  const methods = [
    ...(set(user.token) ? ['token'] : []),
    ...(set(user.username) || set(user.password) ? ['basicAuth'] : []),
  ]
  if (methods.length > 1) out.push(`more than one authentication method found for ${name}; found [${methods.join(' ')}], only one is allowed`)
  const groups = opts.asGroups.length > 0 ? opts.asGroups : user['as-groups']
  const extra = user['as-user-extra']
  const asking = set(opts.asUid ?? user['as-uid']) || set(groups) || (typeof extra === 'object' && extra !== null && Object.keys(extra).length > 0)
  if (asking && !set(opts.as ?? user.as)) out.push(`requesting uid, groups or user-extra for ${name} without impersonating a user`)
  return out
}

/** Whether the flags set the CA: a flag's CA, or --insecure-skip-tls-verify, replaces the file's. */
const caFromFlags = (opts: GlobalOptions) => opts.certificateAuthority !== undefined || opts.insecureSkipTlsVerify === true

/** The CA file in force (as the kubeconfig holds it: not necessarily a string), once the flags are laid over the cluster entry. */
export const caFileInForce = (opts: GlobalOptions, cluster: Record<string, unknown>): unknown =>
  caFromFlags(opts) ? opts.certificateAuthority : cluster['certificate-authority']

/** validateClusterInfo, its checks of the CA. */
function clusterProblems(ctx: CommandContext, opts: GlobalOptions, name: string, cluster: Record<string, unknown>): string[] {
  const file = caFileInForce(opts, cluster)
  const data = caFromFlags(opts) ? undefined : cluster['certificate-authority-data']
  const out: string[] = []
  if (set(file) && set(data)) out.push(`certificate-authority-data and certificate-authority are both specified for ${name}. certificate-authority-data will override.`)
  const why = typeof file === 'string' && file !== '' ? cannotOpen(ctx, file) : undefined
  if (why) out.push(`unable to read certificate-authority ${String(file)} for ${name} due to ${why}`)
  return out
}

/** What kubectl says, and stops at, when the user or cluster it is to use is not usable as configured. */
export function confirmUsable(ctx: CommandContext, opts: GlobalOptions, names: { user: string; cluster: string }, user: Record<string, unknown>, cluster: Record<string, unknown>): void {
  const problems = [...userProblems(ctx, opts, names.user, user), ...clusterProblems(ctx, opts, names.cluster, cluster)]
  if (problems.length === 1) throw new KubectlError(`error: ${problems[0]}`)
  if (problems.length > 1) throw new KubectlError(`Error in configuration: \n${problems.map((p) => `* ${p}`).join('\n')}`)
}
