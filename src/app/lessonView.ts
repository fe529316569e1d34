// The read-only view of the lab that lesson checks see: the store's objects, the audit record,
// facts, the clock, and the workstation's variables and files.

import type { Cluster } from '../cluster/cluster'
import type { LessonView } from '../lessons/types'
import type { Shell } from '../shell/shell'

export function lessonView(cluster: Cluster, shell: Shell): LessonView {
  const store = cluster.context.store
  return {
    objects: (resource, namespace) => store.list(resource, namespace),
    get: (resource, namespace, name) => store.get(resource, namespace, name),
    audit: () => cluster.audit(),
    facts: () => cluster.facts(),
    nowMs: () => cluster.now(),
    variable: (name) => shell.variables()[name],
    file: (path) => shell.fs.readFile(shell.fs.resolve(path)),
  }
}
