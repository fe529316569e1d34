// yes (coreutils src/yes.c): print its operands (or `y`) forever. In the lab "forever" ends at
// the command's output budget or Ctrl+C (see ../limits.ts), with the lab's notice.

import type { CommandSpec } from '../types'

export const yes: CommandSpec = {
  name: 'yes',
  summary: 'Output a string repeatedly until stopped.',
  usage: 'yes [STRING]...',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    if (args[0] === '--') args.shift()
    const line = (args.length ? args.join(' ') : 'y') + '\n'
    // Whole lines per write, about 8 KiB at a time, as coreutils buffers them.
    const chunk = line.repeat(Math.max(1, Math.floor(8192 / line.length)))
    // Each write either passes or throws the stop that ends this command.
    for (;;) ctx.stdout(chunk)
  },
}
