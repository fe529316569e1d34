// Dev server of the page with the fake lab in place of src/app/lab.ts, for working on the UI
// while the real lab does not compile yet:  node e2e/support/fake-lab-server.mjs [port]
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'

const fake = fileURLToPath(new URL('./fakeLabModule.ts', import.meta.url))
const port = Number(process.argv[2] ?? 4173)
const server = await createServer({
  configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
  server: { host: '127.0.0.1', port, strictPort: true },
  plugins: [
    {
      name: 'fake-lab',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === './lab' && importer && /src[\\/]app[\\/]/.test(importer)) return fake
      },
    },
  ],
})
await server.listen()
console.log(`fake-lab server on http://127.0.0.1:${port}/`)
