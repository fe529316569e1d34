// The decoder's question about a token: what it says, whether its signature holds against the
// cluster's published keys, and what the API server would answer if it were sent now. Records nothing.

import type { Cluster } from '../cluster/cluster'
import { decodeJwt } from '../jwt/decode'
import { classifyToken, type ServerAnswer, type TokenInspection } from '../jwt/inspect'
import { verifyJwt } from '../jwt/verify'

export async function inspectToken(cluster: Cluster, token: string): Promise<TokenInspection> {
  const decoded = decodeJwt(token)
  const text = token.trim().replace(/^bearer\s+/i, '')
  if (decoded.header === undefined || decoded.payload === undefined) {
    const server: ServerAnswer = { ok: false, error: 'not a JWT', annotations: {} }
    return { decoded, signature: { ok: false, reason: 'not a JWT' }, server, ...classifyToken(decoded, server) }
  }
  const signature = await verifyJwt(text, cluster.jwks())
  const { result, annotations } = await cluster.reviewToken(text)
  const server: ServerAnswer = result.ok
    ? { ok: true, username: result.user.username, annotations }
    : { ok: false, error: result.errors.length ? `[${result.errors.map((e) => e.message).join(', ')}]` : undefined, failures: result.errors, annotations }
  return { decoded, signature, server, ...classifyToken(decoded, server) }
}
