// Imitates: mawk's bi_funct.c: length, substr, index, split, sub, gsub, match, sprintf, the
// arithmetic functions, tolower/toupper, strftime and systime (mawk 1.3.4's, on lab time); close, fflush
// and system (streams.ts).

import type { Expr } from './ast'
import { AwkRuntimeError, StrNum, type Val } from './fields'
import type { Interp } from './interp'
import { NotEnoughArgs } from './format'
import { formatTime } from '../strftime'

export async function awkBuiltin(vm: Interp, name: string, args: Expr[]): Promise<Val> {
  const s = async (i: number) => vm.str(await vm.eval(args[i]))
  const n = async (i: number) => vm.num(await vm.eval(args[i]))
  switch (name) {
    case 'length': {
      if (args.length === 0) return [...vm.fields[0]].length
      const a = args[0]
      if (a.k === 'var' && (vm.arrays.has(a.name) || vm.local(a.name)?.get(a.name) instanceof Map)) return vm.array(a.name).size
      return [...(await s(0))].length
    }
    case 'substr': {
      // start and length cut to whole numbers; a start before 1 is 1, and mawk 1.3.4 then makes the
      // length longer by as much as the start was short of 1 (substr("hello", -1, 3) is "hell"),
      // where busybox keeps it ("hel")
      const chars = [...(await s(0))]
      let start = Math.trunc(await n(1))
      let length = args.length > 2 ? Math.trunc(await n(2)) : Infinity
      if (Number.isNaN(start)) start = 1
      if (start < 1) {
        if (vm.mawk) length -= start
        start = 1
      }
      const end = Math.min(start + length, chars.length + 1)
      return end > start ? chars.slice(start - 1, end - 1).join('') : ''
    }
    case 'index': {
      const i = (await s(0)).indexOf(await s(1))
      return i < 0 ? 0 : Array.from((await s(0)).slice(0, i)).length + 1
    }
    case 'split': {
      const a = args[1]
      if (a.k !== 'var') throw new AwkRuntimeError('split: second argument must be an array')
      const parts = vm.splitText((await s(0)), args[2] ? (args[2].k === 're' ? args[2].src : (await s(2))) : vm.str(vm.vars.get('FS')!))
      const arr = vm.array(a.name)
      arr.clear()
      parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)))
      return parts.length
    }
    case 'sub':
    case 'gsub': {
      const re = await vm.regexOf(args[0])
      const repl = await s(1)
      const target = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } }
      const text = vm.str(await vm.eval(target))
      let out = ''
      let pos = 0
      let count = 0
      while (pos <= text.length) {
        const m = re.find(text, pos)
        if (!m) break
        const matched = text.slice(m[0], m[1])
        out += text.slice(pos, m[0]) + repl.replace(/\\\\|\\&|&/g, (t) => (t === '&' ? matched : t === '\\&' ? '&' : '\\'))
        count++
        if (m[1] === m[0]) {
          out += text[m[0]] ?? ''
          pos = m[0] + 1
        } else pos = m[1]
        if (name === 'sub') break
      }
      if (count === 0) return 0
      out += text.slice(pos)
      await vm.lvalueSet(target, out)
      return count
    }
    case 'match': {
      const text = await s(0)
      const m = (await vm.regexOf(args[1])).find(text, 0)
      vm.vars.set('RSTART', m ? Array.from(text.slice(0, m[0])).length + 1 : 0)
      vm.vars.set('RLENGTH', m ? Array.from(text.slice(m[0], m[1])).length : -1)
      return m ? Array.from(text.slice(0, m[0])).length + 1 : 0
    }
    case 'sprintf': {
      if (!args.length) return ''
      const f = await s(0)
      try {
        return vm.format(f, await vm.evalAll(args.slice(1)))
      } catch (e) {
        if (e instanceof NotEnoughArgs) throw new AwkRuntimeError(`not enough arguments passed to sprintf("${f}")`)
        throw e
      }
    }
    case 'int': return Math.trunc(await n(0))
    case 'sqrt': return Math.sqrt(await n(0))
    case 'exp': return Math.exp(await n(0))
    case 'log': return Math.log(await n(0))
    case 'sin': return Math.sin(await n(0))
    case 'cos': return Math.cos(await n(0))
    case 'atan2': return Math.atan2((await n(0)), (await n(1)))
    // C's tolower/toupper over bytes: only A-Z and a-z change.
    case 'tolower': return (await s(0)).replace(/[A-Z]+/g, (m) => m.toLowerCase())
    case 'toupper': return (await s(0)).replace(/[a-z]+/g, (m) => m.toUpperCase())
    case 'rand': return 0.5
    case 'srand': return 0
    case 'systime': return vm.seconds()
    case 'strftime': {
      // strftime([format [, seconds [, utc]]]): %c and now by default; the lab's clock is UTC either way
      const format = args.length > 0 ? await s(0) : '%c'
      const sec = args.length > 1 ? Math.trunc(await n(1)) : vm.seconds()
      return formatTime(format, { sec, nsec: 0 })
    }
    case 'close': return vm.streams.close(await s(0))
    case 'fflush': return vm.streams.fflush()
    case 'system': return vm.streams.system(await s(0))
  }
  throw new AwkRuntimeError(`${name}: unknown function`)
}
