# seed: 1
# kubectl checks the user and cluster it is to use, and the certificate and key it holds as data,
# before sending anything (client-go's validation, Go's tls.X509KeyPair). Every expected line was
# printed by the real kubectl (1.33) for the same files; kubeconfigCheck.oracle.test.ts runs more cases.
kubectl get ns --as-group=devs
kubectl auth whoami --as-uid=1001
cat > /root/student.conf <<'END'
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /root/ca.pem
    certificate-authority-data: QUJD
    server: https://10.0.1.10:6443
  name: lab
contexts:
- context:
    cluster: lab
    user: student
  name: student@lab
current-context: student@lab
users:
- name: student
  user:
    client-certificate: /root/student.crt
    token: abc
    username: student
END
kubectl --kubeconfig /root/student.conf get pods
kubectl config view --raw -o jsonpath='{.users[0].user.client-certificate-data}' | base64 -d > /root/me.crt
kubectl config view --raw -o jsonpath='{.users[0].user.client-key-data}' | base64 -d > /root/me.key
kubectl config --kubeconfig /root/me.conf set-cluster lab --server=https://10.0.1.10:6443 --certificate-authority=/root/ca.pem
kubectl config --kubeconfig /root/me.conf set-credentials me --client-certificate=/root/me.key --client-key=/root/me.crt --embed-certs
kubectl config --kubeconfig /root/me.conf set-context me@lab --cluster=lab --user=me
kubectl --kubeconfig /root/me.conf --context me@lab get pods
kubectl config --kubeconfig /root/me.conf set-credentials me --client-certificate=/root/me.crt --client-key=/root/me.key --embed-certs
kubectl --kubeconfig /root/me.conf --context me@lab auth whoami
# a directory for the CA: it opens, so the validation lets it through; reading it fails (real kubectl: "error: read /tmp: is a directory")
kubectl get ns --certificate-authority=/root
