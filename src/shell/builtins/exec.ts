// Imitates: bash/builtins/exec.def and times.def, for what the lab can do. `exec COMMAND` runs the
// command in place of the shell: the shell ends with its status (the terminal's stays open, as
// for exit). `exec` with only redirections would change the shell's own files for good, which the
// lab does not keep. `times` prints the shell's and its children's CPU times (none pass here).
// bash's other builtins the lab does not run say so (UNSIMULATED_BUILTINS).

import type { BuiltinCall } from './host'
import { builtinOptions } from './host'
import { ExitShell } from '../runtime'

/** bash 5.2's builtins the lab does not run; each says so rather than "command not found". */
export const UNSIMULATED_BUILTINS = new Set([
  'bind', 'caller', 'compgen', 'complete', 'compopt', 'disown', 'enable', 'fc', 'logout', 'suspend', 'ulimit',
])

export function unsimulatedBuiltin({ argv, err }: BuiltinCall): number {
  err(`bash: ${argv[0]}: this builtin is not simulated in the lab; 'help' lists the ones it has\n`)
  return 1
}

export async function execBuiltin({ h, argv, io, env, err }: BuiltinCall): Promise<number> {
  const opts = builtinOptions(argv, 'cl', 'a')
  if ('bad' in opts) {
    err(`bash: exec: -${opts.bad}: ${opts.missing ? 'option requires an argument' : 'invalid option'}\nexec: usage: exec [-cl] [-a name] [command [argument ...]] [redirection ...]\n`)
    return 2
  }
  const command = argv.slice(opts.operands)
  if (command.length === 0) {
    // (a redirection alone, such as exec >log, would stay on the shell's own output)
    if (io.redirected) {
      err("bash: exec: redirecting the shell's own input or output is not simulated in the lab; redirect each command instead\n")
      return 1
    }
    return 0
  }
  if (!h.lookup(command[0]!) && !command[0]!.includes('/')) {
    err(`bash: exec: ${command[0]}: not found\n`)
    throw new ExitShell(127)
  }
  throw new ExitShell(await h.runArgv(command, io, env))
}

export function timesBuiltin({ out }: BuiltinCall): number {
  out('0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n')
  return 0
}
