// metav1.Status, the body of every API error (and of a DELETE's success).
// Imitates: k8s.io/apimachinery/pkg/apis/meta/v1/types.go (Status, StatusDetails, StatusCause)

/** metav1.Status, keys in the struct order the server serialises them. */
export interface Status {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never> | { resourceVersion?: string }
  status: 'Failure' | 'Success'
  message?: string
  reason?: string
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: { type?: string; message?: string; field?: string }[] }
  /** Absent on the success Status a generic registry returns from DELETE. */
  code?: number
}
