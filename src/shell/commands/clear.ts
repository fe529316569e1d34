// clear: asks the terminal to clear its screen (ncurses' clear writes an escape sequence instead).

import type { CommandSpec } from '../types'

export const clear: CommandSpec = {
  name: 'clear',
  summary: 'Clear the terminal screen.',
  usage: 'clear',
  async run(ctx) {
    ctx.shell.clearScreen()
    return 0
  },
}
