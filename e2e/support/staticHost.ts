// A plain static host for the built lab: serves dist/ under a sub-path (as a project page or a
// course site would), with no headers of its own (the page's <meta> policy is all there is),
// and can go "down" to stand for a classroom with no network.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
}

export interface StaticHost {
  /** The lab's URL, ending in the sub-path's slash. */
  url: string
  /** While false, every connection is dropped as if the network were gone. */
  online: boolean
  /** Paths asked for, in order. */
  served: string[]
  close(): Promise<void>
}

export async function serveDist(port: number, subPath: string, dir = resolve('dist')): Promise<StaticHost> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no build (the Playwright web server builds it)`)
  const sockets = new Set<Socket>()
  const host: StaticHost = { url: `http://127.0.0.1:${port}${subPath}`, online: true, served: [], close: () => close() }
  const server: Server = createServer((req, res) => {
    if (!host.online) {
      req.socket.destroy()
      return
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    host.served.push(path)
    if (path === subPath.slice(0, -1)) {
      res.writeHead(301, { Location: subPath }).end()
      return
    }
    const rel = path.startsWith(subPath) ? normalize(path.slice(subPath.length) || 'index.html') : undefined
    const file = rel && !rel.startsWith('..') ? join(dir, rel) : undefined
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => ok()))
  // Port 0: the system picks a free one (each browser worker that runs the spec has its own host).
  host.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${subPath}`
  function close(): Promise<void> {
    for (const s of sockets) s.destroy()
    return new Promise((ok) => server.close(() => ok()))
  }
  return host
}
