// k8s.io/cli-runtime/pkg/printers/jsonpath.go and genericclioptions/jsonpath_flags.go (kubectl -o jsonpath=…)

import { parseTemplate, type ListNode } from './parser'
import { Engine, ExecError } from './evaluate'
import { printResults, printResultsAsJson } from './print'
import { INVALID, goQuote, goSharpV, type GoVal } from './values'

export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string; stderr: string }
export interface JsonPathOptions {
  /** --allow-missing-template-keys (kubectl's default is true) */
  allowMissingKeys?: boolean
}

/**
 * Parse a template as `kubectl -o jsonpath=` does. `error` is kubectl's message without its `error: ` prefix,
 * `error parsing jsonpath <tmpl>, <reason>` (kubectl prints `error: ` + it + a newline); `reason` is client-go's.
 */
export function parseJsonPath(
  template: string,
): { ok: true; ast: ListNode } | { ok: false; error: string; reason: string } {
  const parsed = parseTemplate(template)
  if (!parsed.ok) return { ok: false, error: `error parsing jsonpath ${template}, ${parsed.error}`, reason: parsed.error }
  return { ok: true, ast: parsed.root }
}

/** The unstructured object handed to the engine (JSON semantics; a top-level null is reflect.ValueOf(nil)). */
function toGoData(data: unknown): GoVal {
  const text = JSON.stringify(data)
  if (text === undefined) return INVALID
  const v = JSON.parse(text) as GoVal
  return v === null ? INVALID : v
}

function execError(template: string, data: GoVal, reason: string): string {
  const dump =
    `Error executing template: ${reason}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`
  return `error executing jsonpath ${goQuote(template)}: ${dump}\n`
}

function run(template: string, data: unknown, opts: JsonPathOptions, asJson: boolean): JsonPathResult {
  const parsed = parseJsonPath(template)
  if (!parsed.ok) return { ok: false, error: parsed.error, stderr: `error: ${parsed.error}\n` }
  const goData = toGoData(data)
  try {
    const results = new Engine(parsed.ast.nodes, opts.allowMissingKeys ?? true).findResults(goData)
    return { ok: true, text: asJson ? printResultsAsJson(results) : printResults(results) }
  } catch (e) {
    if (!(e instanceof ExecError)) throw e
    const error = execError(template, goData, e.message)
    return { ok: false, error, stderr: `error: ${error}` }
  }
}

/**
 * kubectl -o jsonpath=TEMPLATE over one object (kubectl get prints a List as one object).
 * `text` has no trailing newline (kubectl adds none). On failure `stderr` is exactly what kubectl writes and
 * kubectl exits 1; `error` is the message without `error: ` (kubectl's checkErr adds that, and a final newline
 * only when the message lacks one: an execution error's message already ends in "\n\n\n").
 */
export function runJsonPath(template: string, data: unknown, opts: JsonPathOptions = {}): JsonPathResult {
  return run(template, data, opts, false)
}

/** kubectl -o jsonpath-as-json=TEMPLATE: each action's results as an indented JSON array. */
export function jsonPathAsJson(template: string, data: unknown, opts: JsonPathOptions = {}): JsonPathResult {
  return run(template, data, opts, true)
}

/**
 * FindResults of a template over one object (the custom-columns printer formats the values itself);
 * undefined when it does not parse; `{ error }` with the engine's words when it fails on the object.
 */
export function findJsonPathValues(template: string, data: unknown, allowMissingKeys = true): GoVal[][] | { error: string } | undefined {
  const parsed = parseJsonPath(template)
  if (!parsed.ok) return undefined
  try {
    return new Engine(parsed.ast.nodes, allowMissingKeys).findResults(toGoData(data))
  } catch (e) {
    if (!(e instanceof ExecError)) throw e
    return { error: e.message }
  }
}

export { Engine } from './evaluate'
export { formatResult } from './print'
export type { GoVal } from './values'
export { goV } from './values'
