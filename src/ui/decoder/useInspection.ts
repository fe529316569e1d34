// Ask the lab about a token (signature against the published keys, and whether the API server
// would accept it now), again whenever the lab changes (the projection's version).

import { useEffect, useMemo, useState } from 'react'
import { decodeJwt, type DecodedJwt } from '../../jwt/decode'
import type { TokenInspection } from '../../state/labPort'
import { useLab } from '../../state/store'
import { MAX_TOKEN_CHARS } from '../../jwt/text'

export interface InspectionState {
  /** Decoded at once, before the lab answers (also when no lab has started yet). */
  decoded?: DecodedJwt
  inspection?: TokenInspection
  /** The lab could not inspect it (an error of the lab itself). */
  error?: string
  /** True while the lab's answer for the current version is pending. */
  checking: boolean
  /** The token was too long to decode. */
  tooLong: boolean
}

interface Answer {
  token: string
  version: number
  inspection?: TokenInspection
  error?: string
}

export function useInspection(token: string | undefined): InspectionState {
  const lab = useLab((s) => s.client)
  const version = useLab((s) => s.version)
  const tooLong = token !== undefined && token.length > MAX_TOKEN_CHARS
  const decoded = useMemo(() => (token === undefined || tooLong ? undefined : decodeJwt(token)), [token, tooLong])
  const [answer, setAnswer] = useState<Answer | undefined>()

  useEffect(() => {
    if (!lab || token === undefined || tooLong) return
    let live = true
    lab.inspectToken(token).then(
      (inspection) => live && setAnswer({ token, version, inspection }),
      (e: unknown) => live && setAnswer({ token, version, error: e instanceof Error ? e.message : String(e) }),
    )
    return () => {
      live = false
    }
  }, [lab, token, version, tooLong])

  // Keep showing the last answer for this token while a newer one is on its way (no flicker).
  const mine = answer && answer.token === token ? answer : undefined
  return {
    decoded,
    inspection: mine?.inspection,
    error: mine?.error,
    checking: !!lab && !tooLong && token !== undefined && mine?.version !== version,
    tooLong,
  }
}
