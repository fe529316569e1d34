// jq 1.6 (https://github.com/stedolan/jq/tree/jq-1.6): the lab's own implementation of the jq
// language, loaded on first use so it stays out of the page's first download.

import type { CommandSpec } from '../types'

export const jq: CommandSpec = {
  name: 'jq',
  summary: 'Command-line JSON processor (jq 1.6).',
  usage: 'jq [OPTIONS] FILTER [FILES...]',
  flags: [
    { name: 'raw-output', short: 'r', takesValue: false, help: 'output strings without quotes' },
    { name: 'compact-output', short: 'c', takesValue: false, help: 'one line per output' },
    { name: 'slurp', short: 's', takesValue: false, help: 'read all inputs into one array' },
    { name: 'raw-input', short: 'R', takesValue: false, help: 'each input line is a string' },
    { name: 'null-input', short: 'n', takesValue: false, help: 'run the filter once with null as input' },
    { name: 'exit-status', short: 'e', takesValue: false, help: 'exit 1 if the last output is false or null' },
    { name: 'join-output', short: 'j', takesValue: false, help: 'like -r without newlines' },
    { name: 'sort-keys', short: 'S', takesValue: false, help: 'sort the keys of objects' },
    { name: 'arg', takesValue: true, help: 'NAME VALUE: set $NAME to the string VALUE' },
    { name: 'argjson', takesValue: true, help: 'NAME JSON: set $NAME to the JSON value' },
    { name: 'tab', takesValue: false, help: 'indent with tabs' },
    { name: 'indent', takesValue: true, help: 'indent with N spaces (0-7)' },
  ],
  async run(ctx) {
    const { runJq } = await import('./jq/main')
    return runJq(ctx)
  },
}
