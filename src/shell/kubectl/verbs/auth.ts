// Imitates: kubectl pkg/cmd/auth/auth.go (the `auth` command group) with cobra's handling of a missing sub-command.

import type { Verb } from '../command'
import { KubectlError } from '../errors'

const HELP = `Inspect authorization.

Available Commands:
  can-i         Check whether an action is allowed
  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects
  whoami        Experimental: Check self subject attributes

Usage:
  kubectl auth [flags] [options]

Use "kubectl auth <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`

export const authParent: Verb = {
  path: 'auth',
  summary: 'Inspect authorization',
  usage: 'kubectl auth [flags] [options]',
  flags: [],
  unavailable: (sub) => (sub === 'reconcile' ? 'error: "kubectl auth reconcile" is not available in this lab; use kubectl apply -f with the RBAC objects instead' : undefined),
  async run(k) {
    const sub = k.args[0]
    if (sub === undefined) throw new KubectlError(HELP)
    throw new KubectlError(`error: unknown command "${sub}"\nSee 'kubectl auth -h' for help and examples`)
  },
}
