// Expected `kubectl -o yaml` text, copied from shared/reference/kubernetes-objects.md §5 (kubectl get node worker-0 -o yaml)

export const nodeYaml = `apiVersion: v1
kind: Node
metadata:
  annotations:
    kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
    node.alpha.kubernetes.io/ttl: "0"
    volumes.kubernetes.io/controller-managed-attach-detach: "true"
  creationTimestamp: "2026-11-29T14:26:57Z"
  labels:
    beta.kubernetes.io/arch: amd64
    beta.kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: worker-0
    kubernetes.io/os: linux
  name: worker-0
  resourceVersion: "1002"
  uid: 5b8f1c2d-3e4a-4b6c-9d7e-0f1a2b3c4d5e
spec:
  podCIDR: 10.244.1.0/24
  podCIDRs:
  - 10.244.1.0/24
  providerID: kind://docker/kind/worker-0
status:
  addresses:
  - address: 172.18.0.3
    type: InternalIP
  - address: worker-0
    type: Hostname
  allocatable:
    cpu: "8"
    ephemeral-storage: 102626232Ki
    hugepages-1Gi: "0"
    hugepages-2Mi: "0"
    memory: 16281364Ki
    pods: "110"
  capacity:
    cpu: "8"
    ephemeral-storage: 102626232Ki
    hugepages-1Gi: "0"
    hugepages-2Mi: "0"
    memory: 16281364Ki
    pods: "110"
  conditions:
  - lastHeartbeatTime: "2026-11-29T15:31:27Z"
    lastTransitionTime: "2026-11-29T14:26:57Z"
    message: kubelet has sufficient memory available
    reason: KubeletHasSufficientMemory
    status: "False"
    type: MemoryPressure
  - lastHeartbeatTime: "2026-11-29T15:31:27Z"
    lastTransitionTime: "2026-11-29T14:26:57Z"
    message: kubelet has no disk pressure
    reason: KubeletHasNoDiskPressure
    status: "False"
    type: DiskPressure
  - lastHeartbeatTime: "2026-11-29T15:31:27Z"
    lastTransitionTime: "2026-11-29T14:26:57Z"
    message: kubelet has sufficient PID available
    reason: KubeletHasSufficientPID
    status: "False"
    type: PIDPressure
  - lastHeartbeatTime: "2026-11-29T15:31:27Z"
    lastTransitionTime: "2026-11-29T14:27:22Z"
    message: kubelet is posting ready status
    reason: KubeletReady
    status: "True"
    type: Ready
  daemonEndpoints:
    kubeletEndpoint:
      Port: 10250
  features:
    supplementalGroupsPolicy: true
  images:
  - names:
    - registry.k8s.io/e2e-test-images/agnhost@sha256:0000000000000000000000000000000000000000000000000000000000000000
    - registry.k8s.io/e2e-test-images/agnhost:2.45
    sizeBytes: 51234567
  - names:
    - registry.k8s.io/pause@sha256:1111111111111111111111111111111111111111111111111111111111111111
    - registry.k8s.io/pause:3.10.1
    sizeBytes: 320368
  nodeInfo:
    architecture: amd64
    bootID: PLACEHOLDER-boot-id
    containerRuntimeVersion: containerd://2.2.0
    kernelVersion: 6.8.0-90-generic
    kubeProxyVersion: ""
    kubeletVersion: v1.35.0
    machineID: PLACEHOLDER-machine-id
    operatingSystem: linux
    osImage: Debian GNU/Linux 12 (bookworm)
    swap:
      capacity: 0
    systemUUID: PLACEHOLDER-system-uuid
  runtimeHandlers:
  - features:
      recursiveReadOnlyMounts: true
      userNamespaces: true
    name: runc
  - features:
      recursiveReadOnlyMounts: true
      userNamespaces: true
    name: ""
`
