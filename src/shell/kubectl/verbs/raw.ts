// --raw URI on get, create and delete: the request goes to the URI as it is, with the file's bytes
// as its body (the lab's API takes JSON), and the answer is copied out as the server sent it.
// Imitates: kubectl pkg/rawhttp (RawGet, RawPost, RawDelete) and url.ParseRequestURI's check.

import type { ApiRequest } from '../../../cluster/apiserver/types'
import type { Kubectl } from '../command'
import { KubectlError, StatusError, renderError } from '../errors'
import { toServerJson } from '../printers'

/** --raw must be a URL path or an absolute URL (url.ParseRequestURI). */
export function checkRawURI(raw: string): void {
  if (!raw.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw)) throw new KubectlError(`error: --raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`)
}

/** The request body a file gives (`-` is standard input; none, no body). */
function bodyOf(k: Kubectl, file: string | undefined, verb: string): unknown {
  if (file === undefined) return undefined
  const text = file === '-' ? k.ctx.stdin : k.ctx.fs.readFile(k.ctx.fs.resolve(file))
  if (text === undefined) throw new KubectlError(`error: ${k.ctx.fs.isDir(k.ctx.fs.resolve(file)) ? `read ${file}: is a directory` : `open ${file}: no such file or directory`}`)
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new KubectlError(`error: the lab's kubectl ${verb} --raw sends JSON bodies only, and ${file === '-' ? 'standard input' : file} is not JSON; write it as JSON (kubectl create -f takes YAML)`)
  }
}

/** Sends the raw request and prints the answer as it came; a failure is the server's error. */
export async function rawRequest(k: Kubectl, method: ApiRequest['method'], file?: string): Promise<number> {
  const client = await k.client()
  const body = bodyOf(k, file, k.commandPath.replace(/^kubectl /, ''))
  const res = await client.raw(method, k.flags.str('raw'), body)
  if (res.status >= 400) throw renderError(new StatusError(res.body as never))
  k.out(typeof res.body === 'string' ? res.body : toServerJson(res.body, false))
  return 0
}
