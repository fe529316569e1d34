// k8s.io/cli-runtime/pkg/printers: the output formats kubectl prints objects in

export { formatColumns, formatTabbed, tabwrite, tableCell, DESCRIBE_TABWRITER, TABLE_TABWRITER } from './tabwriter'
export { humanDuration, shortHumanDuration, translateTimestampSince } from './duration'
export { toKubectlYaml } from './yaml'
export { toKubectlJson, toServerJson, goJsonString } from './json'
export { parseJsonPath, runJsonPath, jsonPathAsJson, type JsonPathResult } from './jsonpath'
export { nameOf, printNames } from './name'
