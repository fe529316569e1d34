// Expected `kubectl -o yaml` text, copied from shared/reference/kubernetes-objects.md §7 (kubectl get events -o yaml)

export const eventsYaml = `apiVersion: v1
items:
- action: Binding
  apiVersion: v1
  eventTime: "2026-11-29T15:31:57.412345Z"
  firstTimestamp: null
  involvedObject:
    apiVersion: v1
    kind: Pod
    name: app
    namespace: sa-demo
    resourceVersion: "1235"
    uid: c7e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6
  kind: Event
  lastTimestamp: null
  message: Successfully assigned sa-demo/app to worker-0
  metadata:
    creationTimestamp: "2026-11-29T15:31:57Z"
    name: app.18ec8dd9a9ede74e
    namespace: sa-demo
    resourceVersion: "1238"
    uid: PLACEHOLDER-event-uid-scheduled
  reason: Scheduled
  reportingComponent: default-scheduler
  reportingInstance: default-scheduler-control-plane
  source: {}
  type: Normal
- apiVersion: v1
  count: 1
  eventTime: null
  firstTimestamp: "2026-11-29T15:31:58Z"
  involvedObject:
    apiVersion: v1
    fieldPath: spec.containers{app}
    kind: Pod
    name: app
    namespace: sa-demo
    resourceVersion: "1236"
    uid: c7e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6
  kind: Event
  lastTimestamp: "2026-11-29T15:31:58Z"
  message: Pulling image "registry.k8s.io/e2e-test-images/agnhost:2.45"
  metadata:
    creationTimestamp: "2026-11-29T15:31:58Z"
    name: app.18ec8dd9d4509915
    namespace: sa-demo
    resourceVersion: "1239"
    uid: PLACEHOLDER-event-uid-pulling
  reason: Pulling
  reportingComponent: kubelet
  reportingInstance: worker-0
  source:
    component: kubelet
    host: worker-0
  type: Normal
- apiVersion: v1
  count: 1
  eventTime: null
  firstTimestamp: "2026-11-29T15:32:01Z"
  involvedObject:
    apiVersion: v1
    fieldPath: spec.containers{app}
    kind: Pod
    name: app
    namespace: sa-demo
    resourceVersion: "1236"
    uid: c7e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6
  kind: Event
  lastTimestamp: "2026-11-29T15:32:01Z"
  message: 'Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.45"
    in 2.853s (2.853s including waiting). Image size: 51234567 bytes.'
  metadata:
    creationTimestamp: "2026-11-29T15:32:01Z"
    name: app.18ec8dda80818b4e
    namespace: sa-demo
    resourceVersion: "1240"
    uid: PLACEHOLDER-event-uid-pulled
  reason: Pulled
  reportingComponent: kubelet
  reportingInstance: worker-0
  source:
    component: kubelet
    host: worker-0
  type: Normal
- apiVersion: v1
  count: 1
  eventTime: null
  firstTimestamp: "2026-11-29T15:32:01Z"
  involvedObject:
    apiVersion: v1
    fieldPath: spec.containers{app}
    kind: Pod
    name: app
    namespace: sa-demo
    resourceVersion: "1236"
    uid: c7e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6
  kind: Event
  lastTimestamp: "2026-11-29T15:32:01Z"
  message: Container created
  metadata:
    creationTimestamp: "2026-11-29T15:32:01Z"
    name: app.18ec8dda86776c4e
    namespace: sa-demo
    resourceVersion: "1241"
    uid: PLACEHOLDER-event-uid-created
  reason: Created
  reportingComponent: kubelet
  reportingInstance: worker-0
  source:
    component: kubelet
    host: worker-0
  type: Normal
- apiVersion: v1
  count: 1
  eventTime: null
  firstTimestamp: "2026-11-29T15:32:01Z"
  involvedObject:
    apiVersion: v1
    fieldPath: spec.containers{app}
    kind: Pod
    name: app
    namespace: sa-demo
    resourceVersion: "1236"
    uid: c7e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6
  kind: Event
  lastTimestamp: "2026-11-29T15:32:01Z"
  message: Container started
  metadata:
    creationTimestamp: "2026-11-29T15:32:01Z"
    name: app.18ec8dda92632e4e
    namespace: sa-demo
    resourceVersion: "1243"
    uid: PLACEHOLDER-event-uid-started
  reason: Started
  reportingComponent: kubelet
  reportingInstance: worker-0
  source:
    component: kubelet
    host: worker-0
  type: Normal
kind: List
metadata:
  resourceVersion: ""
`
