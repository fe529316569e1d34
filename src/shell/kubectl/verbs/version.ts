// Imitates: kubectl pkg/cmd/version/version.go

import { CLIENT_GIT_VERSION } from '../client'
import type { Verb } from '../command'
import { KubectlError } from '../errors'
import { toYaml } from '../format'

export const KUSTOMIZE_VERSION = 'v5.7.1'

/** client-go pkg/version.Info of the kubectl v1.35.0 release binary (commit and build date as the v1.35.0 server reports them). */
export const CLIENT_VERSION_INFO = {
  major: '1',
  minor: '35',
  gitVersion: CLIENT_GIT_VERSION,
  gitCommit: '66452049f3d692768c39c797b21b793dce80314e',
  gitTreeState: 'clean',
  buildDate: '2025-12-17T12:32:07Z',
  goVersion: 'go1.25.5',
  compiler: 'gc',
  platform: 'linux/amd64',
}

export const version: Verb = {
  path: 'version',
  summary: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', kind: 'bool', help: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', kind: 'string', help: "One of 'yaml' or 'json'." },
  ],
  async run(k) {
    if (k.args.length) throw new KubectlError(`error: extra arguments: [${k.args.join(' ')}]`)
    const output = k.flags.str('output')
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("error: --output must be 'yaml' or 'json'")
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION_INFO, kustomizeVersion: KUSTOMIZE_VERSION }
    let serverErr: unknown
    if (!k.flags.bool('client')) {
      try {
        const client = await k.client()
        const body = await client.request('GET', '/version')
        // the server writes /version as indented JSON text (WriteRawJSON); decode it as client-go does
        info.serverVersion = typeof body === 'string' ? JSON.parse(body) : body
      } catch (e) {
        serverErr = e
      }
    }
    if (output === '') {
      k.out(`Client Version: ${CLIENT_GIT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`)
      const sv = info.serverVersion as { gitVersion?: string } | undefined
      if (sv) k.out(`Server Version: ${sv.gitVersion ?? ''}\n`)
    } else if (output === 'json') {
      k.out(`${JSON.stringify(info, null, 2)}\n`)
    } else {
      // yaml.Marshal of the struct, then Fprintln: keys sorted, and an extra blank line at the end.
      k.out(`${toYaml(info)}\n`)
    }
    if (serverErr) throw serverErr
    return 0
  },
}
