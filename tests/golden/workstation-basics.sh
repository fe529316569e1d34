# seed: 1
# The workstation one step past the article: who the student is (coreutils 9.1 whoami and id, checked
# against the real ones run as root), bash's line for a missing program and the lab's advice after it
# for the few a student reaches for (less, sudo), names every JavaScript object has taken as ordinary
# names (bash 5.2, kubectl 1.33 and the API server's 404 for an unknown path), and go-template's
# refusal of a name that is no function when it parses the template (kubectl 1.33).
whoami
id
id -un
id nobody-in-this-lab
kubectl get ns -o yaml | less
sudo kubectl get ns
constructor
echo $?
kubectl get --raw /api/v1/constructor
kubectl get ns default -o 'go-template={{.metadata.name}} {{.constructor}}{{"\n"}}'
kubectl get ns default -o 'go-template={{foo}}'
