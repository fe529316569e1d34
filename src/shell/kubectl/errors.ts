// Imitates: kubectl pkg/cmd/util/helpers.go (CheckErr, StandardErrorMessage, MultilineError).

import type { Status } from '../../cluster/apiserver/types'
import { TransportError } from './transportError'

/** An error as kubectl prints it: the exact text for stderr (newline added when missing) and the exit code. */
export class KubectlError extends Error {
  constructor(
    readonly text: string,
    readonly exitCode = 1,
    /** What kubectl had written to standard output before the error (a printer's header). */
    readonly printed = '',
  ) {
    super(text)
  }
}

/** An error printed after the command's whole help (kubectl config's helpErrorf: cmd.Help(), then the error). */
export class HelpError extends KubectlError {}

/** A Status body from the server, kept as a value so callers can wrap or ignore it (NotFound, Forbidden…). */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? '')
  }
  get reason(): string {
    return this.status.reason ?? ''
  }
  get code(): number {
    return this.status.code ?? 0
  }
}

export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status'
}

/** `Error from server (<Reason>): <msg>` and the other forms of StandardErrorMessage for an API Status. */
export function standardStatusMessage(s: Status): string {
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`
  if (s.reason) return `Error from server (${s.reason}): ${s.message ?? ''}`
  return `Error from server: ${s.message ?? ''}`
}

/** checkErr for a Status: Invalid is re-rendered as `The <Kind> "<name>" is invalid: …`. */
export function renderStatus(s: Status): string {
  if (s.reason === 'Invalid' && s.code === 422) {
    const d = s.details
    let head = 'The request is invalid'
    if (!d) return s.message ? `${head}: ${s.message}` : head
    if (d.kind || d.name) head = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`
    else if (s.message && !(d.causes && d.causes.length)) head += `: ${s.message}`
    const seen = new Set<string>()
    const errs: string[] = []
    for (const c of d.causes ?? []) {
      const msg = `${c.field ?? ''}: ${c.message ?? ''}`
      if (seen.has(msg)) continue
      seen.add(msg)
      errs.push(msg)
    }
    if (errs.length === 0) return head
    if (errs.length === 1) return `${head}: ${errs[0]}`
    return `${head}: \n${errs.map((e) => `* ${e}`).join('\n')}`
  }
  return standardStatusMessage(s)
}

/** The text kubectl prints for any error: Status errors by the rules above, others with an `error: ` prefix. */
export function renderError(err: unknown): KubectlError {
  if (err instanceof KubectlError) return err
  if (err instanceof StatusError) return new KubectlError(renderStatus(err.status))
  if (err instanceof TransportError) return new KubectlError(err.text)
  const msg = err instanceof Error ? err.message : String(err)
  return new KubectlError(msg.startsWith('error: ') ? msg : `error: ${msg}`)
}

/** A usage error (cmdutil.UsageErrorf): message, then `See '<command path> -h' for help and examples`. */
export function usageError(commandPath: string, msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee '${commandPath} -h' for help and examples`)
}

/** The text of an error as Go's `%v` shows it inside another message (`failed to create token: <this>`). */
export function errorText(err: unknown): string {
  if (err instanceof StatusError) return err.status.message ?? ''
  if (err instanceof KubectlError) return err.text.replace(/^error: /, '')
  return err instanceof Error ? err.message : String(err)
}
