import { it } from 'vitest'
import { createLab } from './app/lab'
it('dump', async () => {
  const lab = await createLab({ seed: 'probe' })
  const cmds = [
    `cat > p.yaml <<'EOF'\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n  namespace: default\nEOF`,
    'kubectl apply -f p.yaml', 'kubectl apply -f p.yaml', 'kubectl apply -f p.yaml --server-side', 'kubectl apply -f p.yaml --server-side',
    'kubectl get endpoints', 'kubectl get --raw /version', 'kubectl logs -v=6 nosuch 2>&1 | tail -3',
    'curl -sk -i https://10.0.1.10:6443/version', 'kubectl config view --raw -o jsonpath="{.clusters[0].cluster.certificate-authority-data}" | base64 -d | openssl x509 -noout -dates', 'date',
  ]
  for (const c of cmds) { const r = await lab.run(c); console.log(`$ ${c}\n${r.stdout}${r.stderr}[${r.exitCode}]`) }
}, 60000)
