// Every lesson, in the order the lesson list shows them.

import type { Lesson } from './types'
import { article } from './article'
import { createToken } from './createToken'
import { rbac } from './rbac'
import { tokenLifetime } from './tokenLifetime'
import { legacyTokens } from './legacyTokens'
import { automount } from './automount'
import { forging } from './forging'

export const LESSONS: readonly Lesson[] = [article, createToken, rbac, tokenLifetime, legacyTokens, automount, forging]

export { WELCOME } from './welcome'
export type { Lesson, Step, Check, CheckResult, LessonView, PanelFocus } from './types'
