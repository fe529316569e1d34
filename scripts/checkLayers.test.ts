// The layer checker as `npm run lint` runs it (node scripts/checkLayers.mjs), on fixture trees
// written to a temporary folder: a clean tree passes; a planted forbidden import, import cycle,
// misnamed file or impure core module makes it fail, naming each.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const CLEAN: Record<string, string> = {
  'src/common/base64.ts': 'export const b64 = (s: string) => s\n',
  'src/cluster/store/objectStore.ts': "import { b64 } from '../../common/base64'\nexport const store = b64('x')\n",
  'src/cluster/store/objectStore.test.ts': "import { store } from './objectStore'\nimport { helper } from '../../state/testing'\nexport const t = [store, helper]\n",
  'src/jwt/claims.ts': "import { store } from '../cluster/store/objectStore'\nexport const claims = store\n",
  'src/shell/kubectl/get.ts': "import { store } from '../../cluster/store/objectStore'\nimport type { X } from './types'\nexport const get = (x: X) => store + x\n",
  'src/shell/kubectl/types.ts': 'export type X = string\n',
  'src/state/labView.ts': "import { claims } from '../jwt/claims'\nimport { get } from '../shell/kubectl/get'\nexport const view = claims + get('a')\n",
  'src/state/testing.ts': 'export const helper = 1\n',
  'src/ui/TokenView.tsx': "import { view } from '../state/labView'\nexport function TokenView() { return view }\n",
  'src/app/main.tsx': "import { TokenView } from '../ui/TokenView'\nimport './app.css'\nTokenView()\n",
  'src/app/app.css': 'body {}\n',
  'tests/golden/token-time.sh': 'lab now\n',
  'e2e/layout.spec.ts-snapshots/main-1280x800-linux.png': 'png',
}

function check(extra: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'layers-'))
  dirs.push(root)
  for (const [path, text] of Object.entries({ ...CLEAN, ...extra })) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  const r = spawnSync(process.execPath, ['scripts/checkLayers.mjs', root], { encoding: 'utf8' })
  return { status: r.status, out: r.stdout + r.stderr }
}

describe('checkLayers.mjs (the entry `npm run lint` runs)', () => {
  it('passes a clean tree', () => {
    const r = check({})
    expect(r.out).toMatch(/^layers: ok/)
    expect(r.status).toBe(0)
  })

  it('fails on a forbidden import, a cycle and a misnamed file, naming each', () => {
    const r = check({
      // cluster -> shell: against the direction
      'src/cluster/store/objectStore.ts': "import { words } from '../../shell/parser/words'\nexport const store = words\n",
      'src/shell/parser/words.ts': "export const words = 'w'\n",
      // state -> ui
      'src/state/labView.ts': "import { Badge } from '../ui/Badge'\nexport const view = Badge()\n",
      'src/ui/Badge.tsx': "export function Badge() { return 'b' }\n",
      // a cycle of two modules (get.ts imports types.ts with `import type`, so the cycle is closed by this import and a runtime one elsewhere)
      'src/shell/kubectl/types.ts': "import { get } from './get'\nexport type X = string\nexport const g = get\n",
      'src/shell/kubectl/get.ts': "import { store } from '../../cluster/store/objectStore'\nimport {\n  g,\n  type X,\n} from './types'\nexport const get = (x: X) => store + x + g\n",
      // upstream snake_case name
      'src/cluster/kubelet/token_manager.ts': 'export const m = 1\n',
    })
    expect(r.status).not.toBe(0)
    expect(r.out).toContain("src/cluster/store/objectStore.ts:1: forbidden import cluster -> shell (src/cluster may import common): '../../shell/parser/words'")
    expect(r.out).toContain("src/state/labView.ts:1: forbidden import state -> ui")
    expect(r.out).toContain('import cycle: src/shell/kubectl/get.ts -> src/shell/kubectl/types.ts -> src/shell/kubectl/get.ts')
    expect(r.out).toContain('src/cluster/kubelet/token_manager.ts: "token_manager.ts" is not camelCase')
    expect(r.out).toMatch(/layers: 4 problem\(s\)/)
  })

  it('does not count a cycle closed only by an erased `import type`', () => {
    const r = check({
      'src/state/slices/clock.ts': "import type { Store } from '../store'\nexport const clock = (s: Store) => s\n",
      'src/state/store.ts': "import { clock } from './slices/clock'\nexport type Store = { c: typeof clock }\n",
    })
    expect(r.out).toMatch(/^layers: ok/)
    expect(r.status).toBe(0)
  })

  it('reports a cycle once, however many modules it runs through', () => {
    const r = check({
      'src/jwt/a.ts': "import { b } from './b'\nexport const a = b\n",
      'src/jwt/b.ts': "import { c } from './c'\nexport const b = c\n",
      'src/jwt/c.ts': "import { a } from './a'\nexport const c = a\n",
    })
    expect(r.status).not.toBe(0)
    expect(r.out.match(/import cycle:/g)).toHaveLength(1)
    expect(r.out).toContain('import cycle: src/jwt/a.ts -> src/jwt/b.ts -> src/jwt/c.ts -> src/jwt/a.ts')
  })

  it('fails on the pure core using the DOM, the wall clock or React, also in the common module', () => {
    const r = check({
      'src/common/clock.ts': 'export const now = () => Date.now()\n',
      'src/lessons/intro.ts': "import { useState } from 'react'\nexport const s = useState\n",
    })
    expect(r.status).not.toBe(0)
    expect(r.out).toContain('src/common/clock.ts:1: reads the wall clock (Date.now)')
    expect(r.out).toContain('src/lessons/intro.ts:1: imports React or zustand')
  })

  it('lets nothing but app import app, and lets common import nothing of ours', () => {
    const r = check({
      'src/ui/Other.tsx': "import '../app/main'\nexport function Other() { return 1 }\n",
      'src/common/bad.ts': "import { claims } from '../jwt/claims'\nexport const x = claims\n",
      'tests/golden/tokenTime.sh': 'lab now\n',
    })
    expect(r.status).not.toBe(0)
    expect(r.out).toContain('src/ui/Other.tsx:1: forbidden import ui -> app')
    expect(r.out).toContain('src/common/bad.ts:1: forbidden import common -> jwt (src/common may import nothing outside itself)')
    expect(r.out).toContain('data file "tokenTime.sh" is not kebab-case')
  })

  it('lets tests import test helpers across layers, but not other modules', () => {
    const r = check({
      'src/cluster/store/objectStore.test.ts': "import { helper } from '../../state/testing'\nimport { view } from '../../state/labView'\nexport const t = [helper, view]\n",
    })
    expect(r.status).not.toBe(0)
    expect(r.out).toContain("src/cluster/store/objectStore.test.ts:2: forbidden import cluster -> state")
    expect(r.out).not.toContain('objectStore.test.ts:1')
  })
})
