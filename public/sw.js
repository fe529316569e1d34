// The lab's service worker: keeps one build of the app (page, scripts, styles, the editor's
// chunks, workers and font) in the Cache Storage, so a reload works with no network. The build
// fills in BUILD below (scripts/vite/offline.ts); every URL is relative to this file, so the lab
// works from any path of any static host. Files are served from the cache first: a new build is
// picked up by the browser's own check of this file, cached in the background, and used from
// the next load on.
const BUILD = { version: 'dev', files: [] }
const PREFIX = 'tokenlab-'
const CACHE = PREFIX + BUILD.version
/** Caches kept: this build and the one before (a page still open on it may load its editor). */
const KEEP = 2

const scope = () => new URL(self.registration.scope)
const indexUrl = () => new URL('index.html', scope()).href

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(BUILD.files.map((f) => new Request(new URL(f, self.location.href), { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const ours = keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE)
        return Promise.all(ours.slice(0, Math.max(0, ours.length - (KEEP - 1))).map((k) => caches.delete(k)))
      })
      .then(() => self.clients.claim()),
  )
})

/** The page itself: any navigation to the lab's folder or its index.html. */
function isPage(url) {
  const dir = scope().pathname
  return url.pathname === dir || url.pathname === dir + 'index.html'
}

async function fromCache(request, key) {
  const cache = await caches.open(CACHE)
  return (await cache.match(key)) ?? (await caches.match(key)) ?? fetch(request)
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || !request.url.startsWith(scope().href)) return
  if (request.mode === 'navigate') {
    if (isPage(url)) event.respondWith(fromCache(request, indexUrl()))
    return
  }
  url.search = ''
  event.respondWith(fromCache(request, url.href))
})
