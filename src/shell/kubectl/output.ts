// Imitates: k8s.io/cli-runtime/pkg/genericclioptions (PrintFlags.ToPrinter, NamePrinter) and kubectl cmdutil.GetDryRunStrategy.

import type { Kubectl } from './command'
import { KubectlError } from './errors'
import { Klog } from './verbose'
import { jsonpath, jsonpathAsJson, toJson, toJsonOrdered, toYaml } from './format'
import { resourceByKind, kindString } from './resources'
import { nameOf } from './printers/name'
import { parseColumnsFile, parseColumnsSpec, printCustomColumns, type Column } from './printers/customColumns'
import { goTemplate } from './printers/goTemplate'

export type DryRun = 'none' | 'client' | 'server'

/** cmdutil.GetDryRunStrategy, with klog's warnings for the deprecated forms (--dry-run alone, a boolean). */
export function dryRunStrategy(k: Kubectl): DryRun {
  const v = k.flags.str('dry-run')
  const warn = (text: string, line: number) => new Klog(() => k.ctx.lab.now(), (t) => k.ctx.stderr(t), 0).line(`helpers.go:${line}`, text, 'W')
  // strconv.ParseBool's words
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) {
    warn(`--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=client.`, 733)
    return 'client'
  }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) {
    warn(`--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=none.`, 736)
    return 'none'
  }
  if (v === 'unchanged') {
    warn('--dry-run is deprecated and can be replaced with --dry-run=client.', 719)
    return 'client'
  }
  if (v === 'client') return 'client'
  if (v === 'server') return 'server'
  if (v === 'none') return 'none'
  throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`)
}

const GENERIC_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'
const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

export interface OutputFormat {
  kind: 'human' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'jsonpath-as-json' | 'go-template' | 'custom-columns'
  template?: string
  columns?: Column[]
}

/**
 * Parses -o; `forGet` allows wide and custom-columns (and lists get's formats in the error). `read` reads the
 * file forms (go-template-file, custom-columns-file, jsonpath-file); `template` is --template.
 */
export function outputFormat(raw: string, forGet: boolean, read?: (path: string) => string | undefined, template0 = ''): OutputFormat {
  if (raw === '') return { kind: 'human' }
  const eq = raw.indexOf('=')
  const name = eq < 0 ? raw : raw.slice(0, eq)
  const template = eq < 0 ? undefined : raw.slice(eq + 1)
  switch (name) {
    case 'wide':
      if (forGet && template === undefined) return { kind: 'wide' }
      break
    case 'yaml':
    case 'json':
    case 'name':
      if (template === undefined) return { kind: name }
      break
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!template) throw new KubectlError('error: template format specified but no template given')
      return { kind: name, template }
    case 'go-template':
    case 'template':
    case 'go-template-file':
    case 'templatefile':
    case 'jsonpath-file': {
      const file = name.endsWith('file')
      let text = template ?? template0
      if (!text) throw new KubectlError('error: template format specified but no template given')
      if (file) {
        if (!read) break
        const t = read(text)
        if (t === undefined) throw new KubectlError(`error: error reading --template ${text}, open ${text}: no such file or directory`)
        text = t
      }
      return { kind: name === 'jsonpath-file' ? 'jsonpath' : 'go-template', template: text }
    }
    case 'custom-columns':
    case 'custom-columns-file':
      if (!forGet || !read) break
      if (name === 'custom-columns') return { kind: 'custom-columns', columns: parseColumnsSpec(template ?? '') }
      {
        const t = read(template ?? '')
        if (t === undefined) throw new KubectlError(`error: open ${template ?? ''}: no such file or directory`)
        return { kind: 'custom-columns', columns: parseColumnsFile(t) }
      }
  }
  throw new KubectlError(
    `error: unable to match a printer suitable for the output format "${raw}", allowed formats are: ${forGet ? GET_FORMATS : GENERIC_FORMATS}`,
  )
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** The kind of an object without an apiVersion, as kubectl names it (`pod`, `role.rbac.authorization.k8s.io`). */
function kindOf(o: Obj): string {
  const r = resourceByKind(o.kind)
  return r ? kindString(r) : String(o.kind ?? '').toLowerCase()
}

/** NamePrinter: `pod/app` (with an operation: `pod/app created`); lists print one line per item. */
export function nameLine(o: Obj, operation?: string): string {
  // cli-runtime NamePrinter: the object's group and kind (name.ts); an object without a name prints as <unknown> (a created TokenReview)
  const name = typeof o.apiVersion === 'string' ? nameOf({ kind: String(o.kind ?? ''), apiVersion: o.apiVersion, metadata: o.metadata }) : `${kindOf(o)}/${o.metadata?.name || '<unknown>'}`
  return `${name}${operation ? ` ${operation}` : ''}\n`
}

function withoutManagedFields(o: Obj): Obj {
  if (!o.metadata?.managedFields) return o
  const { managedFields: _drop, ...metadata } = o.metadata
  void _drop
  return { ...o, metadata }
}

/**
 * Prints one object or a List in a generic format. `typed` objects (built by kubectl itself, as run/create
 * print them) keep their key order in JSON; objects from the server print with sorted keys.
 */
export function printGeneric(o: Obj, fmt: OutputFormat, opts: { typed?: boolean; showManagedFields?: boolean; allowMissingKeys?: boolean; noHeaders?: boolean } = {}): string {
  const obj = opts.showManagedFields ? o : o.kind === 'List' ? { ...o, items: (o.items ?? []).map(withoutManagedFields) } : withoutManagedFields(o)
  switch (fmt.kind) {
    case 'yaml':
      return toYaml(obj)
    case 'json':
      return opts.typed ? toJsonOrdered(obj) : toJson(obj)
    case 'name':
      return obj.kind === 'List' ? (obj.items ?? []).map((i: Obj) => nameLine(i)).join('') : nameLine(obj)
    case 'jsonpath':
      return jsonpath(fmt.template ?? '', obj, opts.allowMissingKeys ?? true)
    case 'jsonpath-as-json':
      return jsonpathAsJson(fmt.template ?? '', obj, opts.allowMissingKeys ?? true)
    case 'go-template':
      return goTemplate(fmt.template ?? '', obj)
    case 'custom-columns':
      return printCustomColumns(fmt.columns ?? [], obj, opts.noHeaders)
    default:
      throw new Error(`printGeneric: ${fmt.kind}`)
  }
}

/** The List kubectl get wraps several objects in. */
export function listOf(items: Obj[]): Obj {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }
}

/** -o for a verb, with files read from the lab's file system and --template as the template. */
export function outputFormatFor(k: Kubectl, forGet: boolean): OutputFormat {
  const read = (p: string) => k.ctx.fs.readFile(k.ctx.fs.resolve(p))
  const template = k.flags.has('template') ? k.flags.str('template') : ''
  // PrintFlags.ToPrinter: a --template with no -o is a go-template, for backwards compatibility
  const output = k.flags.str('output') || (template ? 'go-template' : '')
  return outputFormat(output, forGet, read, template)
}

/** The print options of PrintFlags that the generic printers honour. */
export function printOptions(k: Kubectl): { showManagedFields: boolean; allowMissingKeys: boolean; noHeaders: boolean } {
  return { showManagedFields: k.flags.bool('show-managed-fields'), allowMissingKeys: k.flags.bool('allow-missing-template-keys'), noHeaders: k.flags.bool('no-headers') }
}
