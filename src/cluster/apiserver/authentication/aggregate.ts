// Joining errors as the API server prints them: one distinct message bare, several as `[a, b]`,
// duplicates dropped, nested aggregates flattened.
// Imitates: k8s.io/apimachinery/pkg/util/errors/errors.go (aggregate.Error)

export function aggregateMessage(errors: readonly string[]): string {
  const seen: string[] = []
  for (const e of errors) if (!seen.includes(e)) seen.push(e)
  if (seen.length === 0) return ''
  if (seen.length === 1) return seen[0]
  return `[${seen.join(', ')}]`
}
