// Imitates: net/http's *url.Error as client-go's transport returns it, and kubectl's
// pkg/cmd/util/helpers.go StandardErrorMessage for it. Apart from transport.ts so that errors.ts
// can recognise it without an import cycle.

/** A request that never reached the API server (Go's *url.Error): `Get "https://…/api": <cause>`. */
export class TransportError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    /** `dial tcp 10.0.1.99:6443: connect: connection refused`, `tls: failed to verify certificate: …`. */
    readonly cause: string,
    /** The URL's host as configured (`10.0.1.99:6443`), for the connection-refused sentence. */
    readonly host: string,
  ) {
    super(`${method[0]}${method.slice(1).toLowerCase()} "${url}": ${cause}`)
  }
  get refused(): boolean {
    return this.cause.includes('connection refused')
  }
  /** What kubectl prints for it (StandardErrorMessage). */
  get text(): string {
    if (this.refused) return `The connection to the server ${this.host} was refused - did you specify the right host or port?`
    return `Unable to connect to the server: ${this.cause}`
  }
}
