// kubectl keeps what it read from the kubeconfig and the certificates between commands (client.ts):
// a file that changed is read again, never answered from what an earlier command read.
import { describe, expect, it } from 'vitest'
import { createLab } from '../../app/lab'
import { kubeconfigOf } from './testing/kubeconfigs'

const KUBECONFIG = kubeconfigOf('https://10.0.1.10:6443', ['certificate-authority: /root/ca.pem'], ['client-certificate: /root/u.crt', 'client-key: /root/u.key'])

describe("kubectl's client configuration, read again when it changes", () => {
  it('a client certificate file: its new contents count at the next command', async () => {
    const lab = await createLab({ seed: '1' })
    await lab.run(`cat > /root/kc <<'EOF'\n${KUBECONFIG}EOF`)
    await lab.run("kubectl config view --raw -o jsonpath='{.users[0].user.client-certificate-data}' | base64 -d > /root/u.crt")
    await lab.run("kubectl config view --raw -o jsonpath='{.users[0].user.client-key-data}' | base64 -d > /root/u.key")
    const who = await lab.run('kubectl --kubeconfig /root/kc auth whoami')
    expect(who.stdout).toMatch(/^ATTRIBUTE +VALUE\nUsername +admin\nGroups +\[system:masters system:authenticated\]\n/)
    await lab.run('echo no certificate > /root/u.crt')
    // (what kubectl says then is another matter: here only that it no longer presents the admin's)
    const after = await lab.run('kubectl --kubeconfig /root/kc auth whoami')
    expect(after.stdout).not.toMatch(/Username +admin/)
    expect(after.exitCode).toBe(1)
  })

  it('the kubeconfig itself: another server at the next command', async () => {
    const lab = await createLab({ seed: '1' })
    expect((await lab.run('kubectl get ns default -o name')).stdout).toBe('namespace/default\n')
    await lab.run('sed -i s/10.0.1.10:6443/10.0.1.10:6444/ ~/.kube/config')
    expect((await lab.run('kubectl get ns default -o name')).stderr).toMatch(/^The connection to the server 10\.0\.1\.10:6444 was refused - did you specify the right host or port\?\n$/m)
  })
})
