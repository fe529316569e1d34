// The shell's unit of text by locale. bash in the C locale (the lab's own: it sets no LANG, LC_CTYPE
// or LC_ALL) counts, slices and matches bytes: `${#V}` of "é" is 2 and `?` matches one byte; in a
// UTF-8 locale (`LC_ALL=C.UTF-8`) it works on characters.
// Imitates: bash 5.2 (subst.c's MB_STRLEN and substring, lib/glob/strmatch.c) under setlocale.

import { latin1Of, stringOfLatin1 } from '../common/bytes'
import type { PatternPiece } from './pattern'
import type { ShellEnv } from './types'

/** Whether the locale (LC_ALL, else LC_CTYPE, else LANG) is a UTF-8 one; the lab sets none: C. */
export function utf8Locale(env: ShellEnv): boolean {
  const name = env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG') || ''
  return /\.utf-?8(@|$)/i.test(name)
}

// oxlint-disable-next-line no-control-regex -- the class is every ASCII character, NUL included
const NON_ASCII = /[^\u0000-\u007f]/

/**
 * Whether these texts must be handled byte by byte: the C locale and some character beyond ASCII
 * (for ASCII text bytes and characters are the same, and the common case costs one test).
 */
export function byteWise(env: ShellEnv, ...texts: string[]): boolean {
  return texts.some((t) => NON_ASCII.test(t)) && !utf8Locale(env)
}

/** Text as one character per byte (for byte-wise work), and back to the shell's byte-faithful string. */
export const asBytes = latin1Of
export const fromBytes = stringOfLatin1

/** A pattern's text one character per byte (the C locale's `?` and brackets match bytes). */
export const bytePattern = (pieces: PatternPiece[]): PatternPiece[] => pieces.map((p) => ({ ...p, text: latin1Of(p.text) }))
