// `PROG --version` for every coreutils program of the workstation, against coreutils 9.1 itself.

import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'
import { COREUTILS_AUTHORS } from './coreutilsVersion'

const PROGRAMS = Object.keys(COREUTILS_AUTHORS)

describe('PROG --version, as coreutils 9.1 prints it', () => {
  agreesWithRealTools(PROGRAMS, [...PROGRAMS.map((p) => `${p} --version`), 'sort --version | head -1; sort --version-sort <<< $\'b10\\nb9\'', 'echo --version'])
})
