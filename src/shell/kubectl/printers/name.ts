// k8s.io/cli-runtime/pkg/printers/name.go (kubectl -o name, and the `<kind>/<name> created` lines)

interface Named {
  kind: string
  apiVersion: string
  metadata: { name: string }
}

/** `pod/app`, `namespace/sa-demo`, `role.rbac.authorization.k8s.io/x` (name `<unknown>` when empty). */
export function nameOf(obj: Named): string {
  const slash = obj.apiVersion.indexOf('/')
  const group = slash >= 0 ? obj.apiVersion.slice(0, slash) : ''
  const kind = obj.kind.toLowerCase()
  const name = obj.metadata?.name || '<unknown>'
  return group ? `${kind}.${group}/${name}` : `${kind}/${name}`
}

/**
 * NamePrinter.PrintObj: one line per object (a List prints its items), each `<name>[ <operation>]\n`,
 * e.g. printNames(pod, 'created') === 'pod/app created\n'.
 */
export function printNames(obj: Named | { kind: string; items: Named[] }, operation = ''): string {
  if ('items' in obj && Array.isArray(obj.items)) return obj.items.map((o) => printNames(o, operation)).join('')
  const op = operation ? ` ${operation}` : ''
  return `${nameOf(obj as Named)}${op}\n`
}
