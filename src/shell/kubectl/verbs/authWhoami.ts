// Imitates: kubectl pkg/cmd/auth/whoami.go

import { PRINT_FLAGS, type Verb } from '../command'
import { KubectlError, StatusError } from '../errors'
import { KUBECTL_TABWRITER, tabwrite } from '../format'
import { outputFormat, printGeneric, printOptions } from '../output'
import { goList } from '../rbacRules'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const PATH = '/apis/authentication.k8s.io/v1/selfsubjectreviews'

/** The SelfSubjectReview as kubectl decodes it into its Go struct: fields in struct order. */
export function typedSelfSubjectReview(o: Obj): Obj {
  const ui: Obj = o.status?.userInfo ?? {}
  const userInfo: Obj = {}
  if (ui.username) userInfo.username = ui.username
  if (ui.uid) userInfo.uid = ui.uid
  if (ui.groups?.length) userInfo.groups = ui.groups
  if (ui.extra && Object.keys(ui.extra).length) {
    userInfo.extra = Object.fromEntries(Object.keys(ui.extra).sort().map((k) => [k, ui.extra[k]]))
  }
  return { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: o.metadata ?? {}, status: { userInfo } }
}

/** printTableSelfSubjectAccessReview: ATTRIBUTE/VALUE rows through the table tabwriter. */
export function whoamiTable(review: Obj): string {
  const ui: Obj = review.status?.userInfo ?? {}
  let text = 'ATTRIBUTE\tVALUE\n'
  if (ui.username) text += `Username\t${ui.username}\n`
  if (ui.uid) text += `UID\t${ui.uid}\n`
  if (ui.groups?.length) text += `Groups\t${goList(ui.groups)}\n`
  for (const k of Object.keys(ui.extra ?? {}).sort()) text += `Extra: ${k}\t${goList(ui.extra[k])}\n`
  return tabwrite(text, KUBECTL_TABWRITER)
}

export const authWhoami: Verb = {
  path: 'auth whoami',
  summary: 'Experimental: Check self subject attributes',
  usage: 'kubectl auth whoami [options]',
  loader: 'rest',
  flags: PRINT_FLAGS,
  async run(k) {
    const raw = k.flags.str('output')
    const fmt = raw === '' ? undefined : outputFormat(raw, false)
    const client = await k.client()
    let review: Obj
    try {
      review = await client.request<Obj>('POST', PATH, { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}, status: { userInfo: {} } })
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'Forbidden') {
        throw new KubectlError('error: the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it')
      }
      if (e instanceof StatusError && e.code === 404) {
        // kubectl falls back to v1beta1, then v1alpha1, before it gives up.
        // (kubectl v0.35.0 dropped the second line about the APISelfSubjectReview feature gate that older versions print.)
        throw new KubectlError('error: the selfsubjectreviews API is not enabled in the cluster')
      }
      throw e
    }
    const typed = typedSelfSubjectReview(review)
    if (!fmt) k.out(whoamiTable(typed))
    else if (fmt.kind === 'name') k.out('selfsubjectreview.authentication.k8s.io/<unknown>\n')
    else k.out(printGeneric(typed, fmt, { typed: true, ...printOptions(k) }))
    return 0
  },
}
