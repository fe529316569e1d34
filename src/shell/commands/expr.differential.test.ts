// expr on the workstation against coreutils 9.1's expr on this machine (one bash process).
import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'
import { EXPR_LINES } from '../testing/exprLines'

describe('expr agrees with GNU coreutils 9.1', () => {
  agreesWithRealTools(['expr', 'head'], EXPR_LINES)
})
