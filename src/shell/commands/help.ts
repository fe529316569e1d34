// help: lists the lab shell's commands from their specs, and in bash the builtins the shell runs
// itself (helpTexts.ts); `help NAME` shows one's usage.

import type { CommandSpec } from '../types'
import { BUILTIN_HELP } from '../builtins/helpTexts'

/** The builtins as specs of their own, for the listing (those that have a spec keep it). */
const builtinSpecs = (have: Set<string>): CommandSpec[] =>
  Object.entries(BUILTIN_HELP)
    .filter(([name]) => !have.has(name))
    .map(([name, [usage, summary]]) => ({ name, usage, summary, async run() { return 0 } }))

export const help: CommandSpec = {
  name: 'help',
  summary: 'Display information about the available commands.',
  usage: 'help [NAME]',
  async run(ctx) {
    const commands = ctx.shell.commands().filter((s) => !s.unsimulated)
    const builtins = ctx.shell.dialect === 'bash' ? builtinSpecs(new Set(commands.map((s) => s.name))) : []
    const specs = [...commands, ...builtins].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const names = ctx.argv.slice(1)
    if (names.length === 0) {
      const width = Math.max(...specs.map((s) => s.name.length)) + 2
      let out = 'Commands available in this lab shell (type `help NAME` for more):\n\n'
      for (const s of specs) out += `  ${s.name.padEnd(width)}${s.summary}\n`
      ctx.stdout(out)
      return 0
    }
    let status = 0
    for (const name of names) {
      const spec = specs.find((s) => s.name === name)
      if (!spec) {
        ctx.stderr(`bash: help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.\n`)
        status = 1
        continue
      }
      ctx.stdout(describe(spec))
    }
    return status
  },
}

function describe(spec: CommandSpec): string {
  let out = `${spec.name}: ${spec.usage}\n    ${spec.summary}\n`
  if (spec.subcommands?.length) out += `\n    Subcommands: ${spec.subcommands.join(', ')}\n`
  if (spec.flags?.length) {
    out += '\n    Options:\n'
    for (const f of spec.flags) {
      const names = [f.short ? `-${f.short}` : undefined, f.name.length > 1 ? `--${f.name}` : undefined].filter(Boolean).join(', ')
      out += `      ${(names + (f.takesValue ? ' VALUE' : '')).padEnd(26)}${f.help}\n`
    }
  }
  return out
}
