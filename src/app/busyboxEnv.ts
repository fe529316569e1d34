// busybox env in a container's shell: -i (or `-`), -u NAME, -0, NAME=VALUE, then the environment
// printed in its order or PROG run with it (through the shell, as a program it exec's).
// Imitates: busybox coreutils/env.c (getopt32 "+iu:*0": options stop at the first operand).

import type { CommandSpec } from '../shell/types'
import { MemoryEnv } from '../shell/env'
import { BUSYBOX_USAGE } from './busyboxUsage'

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** env for a container whose programs `isProgram` knows (a name on its PATH, or a path to one). */
export const busyboxEnv = (isProgram: (name: string) => boolean): CommandSpec => ({
  name: 'env', summary: 'env', usage: 'env',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let clear = false
    let nul = false
    const unset: string[] = []
    let i = 0
    for (; i < args.length; i++) {
      const a = args[i]
      if (a === '--') { i++; break }
      if (!a.startsWith('-') || a === '-') break
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]
        if (ch === 'i') clear = true
        else if (ch === '0') nul = true
        else if (ch === 'u') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
          if (v === undefined) {
            ctx.stderr(`env: option requires an argument: u\n${BUSYBOX_USAGE.env}`)
            return 1
          }
          unset.push(v)
          break
        } else {
          ctx.stderr(`env: unrecognized option: ${ch}\n${BUSYBOX_USAGE.env}`)
          return 1
        }
      }
    }
    if (args[i] === '-') { clear = true; i++ }
    const vars = new Map(clear ? [] : Object.entries(ctx.env.exported()))
    for (const u of unset) vars.delete(u)
    for (; i < args.length && args[i].includes('='); i++) {
      const eq = args[i].indexOf('=')
      vars.set(args[i].slice(0, eq), args[i].slice(eq + 1))
    }
    const prog = args.slice(i)
    if (prog.length === 0) {
      ctx.stdout([...vars].map(([k, v]) => `${k}=${v}${nul ? '\0' : '\n'}`).join(''))
      return 0
    }
    if (!isProgram(prog[0]) || !ctx.shell.runSplit) {
      ctx.stderr(`env: can't execute '${prog[0]}': No such file or directory\n`)
      return 127
    }
    const env = new MemoryEnv()
    for (const [k, v] of vars) { env.set(k, v); env.export(k) }
    const r = await ctx.shell.runSplit(prog.map(quote).join(' '), env)
    ctx.stdout(r.stdout)
    ctx.stderr(r.stderr)
    return r.exitCode
  },
})

/**
 * busybox printenv [VARIABLE]...: the whole environment, or each variable's value; status 1 when
 * one is not set. Its arguments are all names (`-x` too: busybox printenv has no options).
 * Imitates: busybox coreutils/printenv.c.
 */
export const busyboxPrintenv: CommandSpec = {
  name: 'printenv', summary: 'printenv', usage: 'printenv [VARIABLE]...',
  async run(ctx) {
    const vars = ctx.env.exported()
    const names = ctx.argv.slice(1)
    if (names.length === 0) {
      ctx.stdout(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''))
      return 0
    }
    let status = 0
    for (const name of names) {
      if (Object.hasOwn(vars, name)) ctx.stdout(`${vars[name]}\n`)
      else status = 1
    }
    return status
  },
}
