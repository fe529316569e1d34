// The watch kubectl opens on one object while it waits for it (kubectl wait for a condition or a
// deletion, and kubectl delete's wait): an informer on the object's name, whose reflector asks for
// the object's state and then its changes in one watch request (client-go's WatchListClient, on by
// default from v1.35: Reflector.watchList). Afterwards the waiting reads what that watch carries
// (RestClient.stream), not new requests.
// Imitates: kubectl pkg/cmd/wait (condition.go, delete.go: ToListWatcherWithWatchListSemantics and
// watchtools.UntilWithSync) and client-go tools/cache/reflector.go (watchList's ListOptions).

import type { RestClient } from '../client'
import type { Kubectl } from '../command'
import { StatusError } from '../errors'
import { fnv1a32 } from '../../../common/fnv'
import { selectorParams } from './getList'

/** The reflector's watch timeout is random in [5 min, 10 min): here one derived from the request, so a transcript stays the same. */
function timeoutSeconds(key: string): number {
  return 300 + (fnv1a32(key) % 300)
}

/**
 * Opens the watch on the object at `path` (a named object's path) and returns the client's view of
 * it; undefined when the API server refuses it (a role without the verb watch: the informer then
 * retries until kubectl's timeout).
 */
export async function watchObject(k: Kubectl, client: RestClient, path: string): Promise<RestClient | undefined> {
  const cut = path.lastIndexOf('/')
  const q = [
    'allowWatchBookmarks=true',
    ...selectorParams(`metadata.name=${path.slice(cut + 1)}`, ''),
    'resourceVersionMatch=NotOlderThan',
    'sendInitialEvents=true',
    `timeoutSeconds=${timeoutSeconds(`${path}@${k.now()}`)}`,
    'watch=true',
  ]
  try {
    await client.request('GET', `${path.slice(0, cut)}?${q.join('&')}`)
  } catch (e) {
    if (e instanceof StatusError && e.code === 403) return undefined
    throw e
  }
  return client.stream()
}
