// The WebCrypto types the pure core names, from Node's definitions: tsconfig.core.json checks
// src/cluster, src/shell, src/jwt, src/lessons and src/common without the DOM library, where the
// browser build gets the same names from lib.dom.
import type { webcrypto } from 'node:crypto'

declare global {
  type CryptoKey = webcrypto.CryptoKey
  type JsonWebKey = webcrypto.JsonWebKey
  type BufferSource = webcrypto.BufferSource
}
