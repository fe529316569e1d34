// The bash builtins true and false.

import type { CommandSpec } from '../types'

export const trueCommand: CommandSpec = {
  name: 'true',
  summary: 'Return a successful result.',
  usage: 'true',
  async run() {
    return 0
  },
}

export const falseCommand: CommandSpec = {
  name: 'false',
  summary: 'Return an unsuccessful result.',
  usage: 'false',
  async run() {
    return 1
  },
}
