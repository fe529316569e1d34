// The bash builtin cd: `cd` alone goes HOME, `cd -` goes to OLDPWD and prints it; updates PWD.

import type { CommandSpec } from '../types'
import { isWorkingFs } from '../fs'

export const cd: CommandSpec = {
  name: 'cd',
  summary: 'Change the shell working directory.',
  usage: 'cd [dir]',
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '--')
    if (args.length > 1) {
      ctx.stderr('bash: cd: too many arguments\n')
      return 1
    }
    let target: string | undefined = args[0]
    let print = false
    if (target === undefined) {
      target = ctx.env.get('HOME')
      if (target === undefined) {
        ctx.stderr('bash: cd: HOME not set\n')
        return 1
      }
    } else if (target === '-') {
      target = ctx.env.get('OLDPWD')
      if (target === undefined) {
        ctx.stderr('bash: cd: OLDPWD not set\n')
        return 1
      }
      print = true
    } else if (target.startsWith('-') && target.length > 1) {
      ctx.stderr(`bash: cd: ${target.slice(0, 2)}: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n`)
      return 2
    }
    if (target === '') return 0
    const path = ctx.fs.resolve(target)
    if (!ctx.fs.isDir(path)) {
      ctx.stderr(`bash: cd: ${args[0] ?? target}: ${ctx.fs.exists(path) ? 'Not a directory' : 'No such file or directory'}\n`)
      // ash and dash fail with 2 (a container's shell rewords the message: containerSession.ts)
      return (ctx.shell.dialect ?? 'bash') === 'bash' ? 1 : 2
    }
    const old = ctx.fs.cwd()
    if (isWorkingFs(ctx.fs)) ctx.fs.chdir(path)
    ctx.env.set('OLDPWD', old)
    ctx.env.set('PWD', path)
    if (print) ctx.stdout(path + '\n')
    return 0
  },
}
