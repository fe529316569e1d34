// The built page spawns the lab's Web Worker from an inline script in its <head>, as the HTML is
// parsed: the worker's code (the lab's largest) then loads and starts while the page's own script
// is still downloading and running, instead of after it. src/app/main.tsx takes that worker
// (window.__tokenlabWorker) and spawns its own only when there is none (the dev server's page,
// which gets no such script). The script's hash goes into the page's policy (csp.ts) like the others.

import type { Plugin } from 'vite'

/** The lab worker's entry in the build (Monaco's editor.worker and json.worker are not it). */
export const LAB_WORKER = /^assets\/worker-[\w-]+\.js$/

/**
 * The inline script that spawns the worker at `file` (relative to the page, as every asset URL)
 * and, unless the URL asks for a seed, generates the seedless lab's signing key: RSA-2048
 * generation takes hundreds of milliseconds on a slow machine, and started here it runs (on the
 * browser's own threads) before the worker's thread is even up. The worker hears at once that a
 * key is coming (`prefetchKey` from the page), then gets it, or hears that it failed and makes its
 * own (`signingKey`, src/app/worker.ts). If WebCrypto throws at once, the worker is told nothing
 * and makes the key itself when the lab is built.
 */
export function earlyWorkerScript(file: string): string {
  return (
    `<script>try{var w=window.__tokenlabWorker=new Worker(${JSON.stringify(`./${file}`)},{type:'module',name:'lab'});` +
    `if(!/[?&]seed=[^&]/.test(location.search)){var k=crypto.subtle.generateKey({name:'RSASSA-PKCS1-v1_5',modulusLength:2048,publicExponent:new Uint8Array([1,0,1]),hash:'SHA-256'},true,['sign','verify']);` +
    `w.postMessage({kind:'prefetchKey',fromPage:true});k.then(function(key){w.postMessage({kind:'signingKey',key:key})},function(){w.postMessage({kind:'signingKey'})})}}catch(e){}</script>`
  )
}

/** The page with that script at the end of its <head>; unchanged if the build has no lab worker. */
export function withEarlyWorker(html: string, files: readonly string[]): string {
  const file = files.find((f) => LAB_WORKER.test(f))
  if (!file || !/<\/head>/i.test(html)) return html
  return html.replace(/<\/head>/i, `  ${earlyWorkerScript(file)}\n  </head>`)
}

export function earlyLabWorker(): Plugin {
  return {
    name: 'tokenlab-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => withEarlyWorker(html, Object.keys(ctx.bundle ?? {})),
    },
  }
}
