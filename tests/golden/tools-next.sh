# seed: 1
# The tools and outputs added after the article's first steps: sleep moves the lab clock, the
# events table with -o wide, explain of the events.k8s.io Event, and the byte and certificate
# tools on the lab's own CA. Checked by hand: the od, xxd and openssl lines against the real tools
# on the same ca.pem, the events columns against printers.go, explain against the v1.35 documents.
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
sleep 1m
kubectl -n sa-demo get pods
kubectl -n sa-demo get events -o wide
kubectl explain events.regarding --api-version=events.k8s.io/v1
openssl x509 -in ca.pem -noout -subject -issuer -dates -fingerprint -sha256
openssl x509 -in ca.pem -noout -ext keyUsage,basicConstraints,subjectAltName
head -c 16 ca.pem | od -c
head -c 16 ca.pem | xxd
sleep x
