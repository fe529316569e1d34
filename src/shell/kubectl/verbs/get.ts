// Imitates: kubectl pkg/cmd/get/get.go

import { resourceArgs } from '../builder'
import { OUTPUT_FLAG, PRINT_FLAGS, type Kubectl, type Verb } from '../command'
import { quoteWord } from '../../xtrace'
import { KubectlError, renderError } from '../errors'
import { listOf, outputFormatFor, printGeneric, printOptions } from '../output'
import { sortFound } from './getSort'
import { fetchAll, tableLines, tableText, type Found } from './getList'
import { rawRequest } from './raw'
import { watchTables } from './getWatch'
import type { Obj } from '../tables'
import type { ResourceInfo } from '../resources'

/**
 * The tables of what was found. Each row names its kind (`service/kubernetes`) with --show-kind or
 * when the requests that succeeded were for more than one resource (multipleGVKsRequested), an empty
 * list too: `kubectl get all` with no pods still writes `service/kubernetes`.
 */
function humanTables(k: Kubectl, found: Found[], visited: ResourceInfo[], allNamespaces: boolean, wide: boolean): string {
  const withKind = new Set(visited).size > 1 || k.flags.bool('show-kind')
  const groups: string[] = []
  let i = 0
  while (i < found.length) {
    const res = found[i].resource
    const objs: Obj[] = []
    for (; i < found.length && found[i].resource === res; i++) objs.push(found[i].obj)
    groups.push(tableText(tableLines(k, res, objs, { allNamespaces, wide, withKind, header: true })))
  }
  return groups.join(k.flags.bool('no-headers') ? '' : '\n')
}

async function run(k: Kubectl): Promise<number> {
  if (k.flags.has('raw')) return rawRequest(k, 'GET')
  if (k.args.length === 0) {
    k.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n')
    throw new KubectlError(
      `error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
    )
  }
  // GetOptions.Validate (after Complete's check above): the labels column belongs to the tables
  const output = k.flags.str('output')
  if (k.flags.bool('show-labels') && output !== '' && output !== 'wide') {
    throw new KubectlError(`error: --show-labels option cannot be used with ${output} printer`)
  }
  const fmt = outputFormatFor(k, true)
  const watching = k.flags.bool('watch') || k.flags.bool('watch-only')
  if (watching && fmt.kind !== 'human' && fmt.kind !== 'wide') {
    // the same command line under watch(1), which the lab runs live
    const line = k.ctx.argv.filter((a) => !/^(-w|--watch(-only)?(=true)?)$/.test(a)).map(quoteWord).join(' ')
    throw new KubectlError(`error: --watch with -o ${k.flags.str('output')} is not available in this lab; \`watch ${line}\` shows it again every 2 seconds as the lab clock moves (Ctrl+C ends it)`)
  }
  const allNamespaces = k.flags.bool('all-namespaces')
  // the builder: a selector is looked at before names are (visitBySelector, then visitByName)
  const reqs = resourceArgs(k.args, k.flags.str('selector').trim() !== '' || k.flags.str('field-selector').trim() !== '')
  if (allNamespaces && reqs.some((r) => r.name !== undefined)) {
    throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces')
  }
  const client = await k.client()
  if (watching) return watchTables(k, client, reqs, allNamespaces, fmt.kind === 'wide')
  const errors: unknown[] = []
  const fetched = await fetchAll(k, client, reqs, allNamespaces, errors)
  const single = fetched.single
  const found = k.flags.has('sort-by') ? sortFound(fetched.found, k.flags.str('sort-by')) : fetched.found
  let exit = 0
  if (fmt.kind === 'human' || fmt.kind === 'wide') {
    const text = humanTables(k, found, fetched.visited, allNamespaces, fmt.kind === 'wide')
    k.out(text)
    if (text === '' && errors.length === 0 && !k.flags.bool('ignore-not-found')) {
      const allNamespaced = !allNamespaces && reqs.every((r) => r.resource.namespaced)
      k.err(allNamespaced ? `No resources found in ${client.config.namespace} namespace.\n` : 'No resources found\n')
    }
  } else if (single && found.length === 1) {
    k.out(printGeneric(found[0].obj, fmt, printOptions(k)))
  } else if (!(single && errors.length > 0) && !(found.length === 0 && k.flags.bool('ignore-not-found'))) {
    k.out(printGeneric(listOf(found.map((f) => f.obj)), fmt, printOptions(k)))
  }
  for (const e of errors) {
    k.err(`${renderError(e).text}\n`)
    exit = 1
  }
  return exit
}

export const get: Verb = {
  path: 'get',
  summary: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  discoveryAttempts: 5,
  flags: [
    // get's --output also takes the table formats (kubectl get.go's own PrintFlags)
    ...PRINT_FLAGS.map((f) =>
      f === OUTPUT_FLAG
        ? { ...f, help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].' }
        : f,
    ),
    { name: 'all-namespaces', short: 'A', kind: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'selector', short: 'l', kind: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'field-selector', kind: 'string', help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'show-labels', kind: 'bool', help: 'When printing, show all labels as the last column (default hide labels column)' },
    { name: 'label-columns', short: 'L', kind: 'stringArray', help: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
    { name: 'show-kind', kind: 'bool', help: 'If present, list the resource type for the requested object(s).' },
    { name: 'no-headers', kind: 'bool', help: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'ignore-not-found', kind: 'bool', help: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.' },
    { name: 'watch', short: 'w', kind: 'bool', help: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', kind: 'bool', help: 'Watch for changes to the requested object(s), without listing/getting first.' },
    { name: 'chunk-size', kind: 'int', default: '500', help: 'Return large lists in chunks rather than all at once. Pass 0 to disable.' },
    { name: 'raw', kind: 'string', help: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'sort-by', kind: 'string', help: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
  ],
  run,
}
