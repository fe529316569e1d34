// Imitates: busybox's shell/ash.c and dash's src/var.c, options.c and eval.c: the errors of special
// builtins that ash and dash find where bash goes on or words them otherwise. In a shell that is not
// interactive such an error ends the shell with status 2 (executor.ts).

import type { ShellDialect } from '../types'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** The letters `set` takes in ash and dash. */
const SET_LETTERS = new Set('efIimnsxvVECabuo'.split(''))

/**
 * The error (bash-form, `bash: export: ...`, which containerSession.ts words as the container's sh)
 * that a special builtin of ash or dash stops at before it does anything; undefined when there is none.
 */
export function posixSpecialError(dialect: Exclude<ShellDialect, 'bash'>, argv: string[], inFunction: boolean, positional: number, readonly: (name: string) => boolean = () => false): string | undefined {
  const [name, ...args] = argv
  const illegal = (opt: string) => `${name}: ${dialect === 'dash' ? 'Illegal' : 'illegal'} option -${opt}`
  switch (name) {
    case 'export':
    case 'readonly': {
      for (const a of args) {
        if (a === '-p' || a === '--') continue
        const v = a.includes('=') ? a.slice(0, a.indexOf('=')) : a
        if (!NAME.test(v)) return `${name}: ${v}: bad variable name`
        if (a.includes('=') && readonly(v)) return `${name}: ${v}: is read only`
      }
      return undefined
    }
    case 'unset':
    case 'set': {
      let i = 0
      for (; i < args.length; i++) {
        const a = args[i]
        if (a === '--' || a === '-' || !/^[-+]/.test(a)) break
        for (const l of a.slice(1)) if (name === 'unset' ? l !== 'f' && l !== 'v' : !SET_LETTERS.has(l)) return illegal(l)
        if (name === 'set' && a.includes('o')) break
      }
      const locked = name === 'unset' ? args.slice(i).find((a) => a !== '--' && readonly(a)) : undefined
      return locked === undefined ? undefined : `unset: ${locked}: is read only`
    }
    case 'local':
      return inFunction ? undefined : `local: not in a function`
    case 'shift': {
      // dash refuses to shift more than there is; ash returns 1 and says nothing, as bash does
      const n = args[0] === undefined ? 1 : Number(args[0])
      return dialect === 'dash' && Number.isInteger(n) && n > positional ? "shift: can't shift that many" : undefined
    }
  }
  return undefined
}
