# seed: 1
# Selectors meeting names, label columns, and --version. The errors were compared with kubectl 1.33
# (selectorArgs.oracle.test.ts) and kubectl 1.35's get.go and cli-runtime's builder; the -L columns
# follow printers' formatLabelHeaders and labelValues; the --version texts are coreutils 9.1's.
# The defaulted-container note names containers, ephemeral then init ones (podcmd AllContainerNames);
# a change of mode is a step `lab undo` takes back.
kubectl get pods --show-labels -o name
kubectl get pods x -l app=y
kubectl get pods/x -l app=y
kubectl delete pods x --all
kubectl delete pods --all -l app=x
kubectl create ns demo
kubectl -n demo run a --image=nginx --labels=app=web,tier=front
kubectl -n demo run b --image=nginx --labels=app=db
kubectl -n demo get pods -L app,tier
kubectl -n demo get pods -L app -L example.com/tier --show-labels
kubectl -n demo logs -l app=none
sort --version | head -1
rm --version | tail -2
cat > two.yaml <<'Y'
apiVersion: v1
kind: Pod
metadata:
  name: two
  namespace: demo
spec:
  initContainers:
  - name: init
    image: busybox
    command: ["sh", "-c", "true"]
  containers:
  - name: main
    image: busybox
    command: ["sleep", "100000"]
  - name: side
    image: busybox
    command: ["sleep", "100000"]
Y
kubectl apply -f two.yaml
kubectl -n demo wait --for=condition=Ready pod/two
kubectl -n demo exec two -- true
kubectl -n demo logs two
echo a > f
chmod 600 f
lab undo
stat -c %a f
