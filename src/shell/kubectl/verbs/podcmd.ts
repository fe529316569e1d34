// Imitates: kubectl pkg/cmd/util/podcmd (AllContainerNames, and the note FindOrDefaultContainerByName
// writes when it picks a pod's first container).

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** The names of a list of containers (none when the list is absent). */
export const names = (cs: Obj[] | undefined): string[] => (cs ?? []).map((c) => String(c.name))

/** Every container's name in the order logsForObject asks for them: init containers, containers, ephemeral ones. */
export const everyContainer = (pod: Obj): string[] => [...names(pod.spec?.initContainers), ...names(pod.spec?.containers), ...names(pod.spec?.ephemeralContainers)]

/** Every container of the pod: its containers, then the ephemeral ones, then the init ones, marked. */
export function allContainerNames(pod: Obj): string {
  const spec = pod.spec ?? {}
  return [...names(spec.containers), ...names(spec.ephemeralContainers).map((n) => `${n} (ephem)`), ...names(spec.initContainers).map((n) => `${n} (init)`)].join(', ')
}

/** The note (with its newline) when the first container stands for a pod that has others; undefined when it has none. */
export function defaultedNote(pod: Obj): string | undefined {
  const spec = pod.spec ?? {}
  const others = names(spec.containers).length > 1 || names(spec.initContainers).length > 0 || names(spec.ephemeralContainers).length > 0
  return others ? `Defaulted container "${names(spec.containers)[0]}" out of: ${allContainerNames(pod)}\n` : undefined
}

/**
 * FindOrDefaultContainerByName without a name: the annotation's container, else the first (with
 * the note when the pod has others, written by `warn`; none when quiet).
 */
export function defaultContainer(pod: Obj, warn?: (text: string) => void): string {
  const containers: Obj[] = pod.spec?.containers ?? []
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container']
  if (annotated && containers.some((c) => c.name === annotated)) return annotated
  const note = defaultedNote(pod)
  if (note) warn?.(note)
  return containers[0]?.name ?? ''
}
