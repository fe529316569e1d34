// Bytes, not text (src/common/bytes.ts): binary output shows each byte that is not UTF-8 as U+FFFD
// in the terminal, window.lab.run returns it as lone surrogates U+DC80+byte (CONTRACTS.md), and a
// binary file survives the save in IndexedDB and a reload byte for byte.
import { expect, test } from '@playwright/test'
import { holdEditorPreload } from './support/editor'
import { openLab, typeCommand } from './support/terminal'

test.beforeEach(async ({ context }) => {
  await holdEditorPreload(context)
})

test('binary output: U+FFFD on screen, lone surrogates from window.lab.run, bytes kept across a reload', async ({ page }) => {
  test.setTimeout(90_000)
  await openLab(page, '/?seed=1')
  expect(await typeCommand(page, "printf 'A\\xff\\xfeB\\xc3\\xa9\\n'")).toEqual([{ text: 'A\ufffd\ufffdBé', stderr: false }])
  expect(await typeCommand(page, "printf '\\xc3'; printf '\\xa9\\n'")).toEqual([{ text: 'é', stderr: false }])
  const codes = await page.evaluate(async () => {
    const r = await window.lab!.run("printf '\\xff\\xfe\\x00' > bin; cat bin")
    return Array.from(r.stdout, (c) => c.charCodeAt(0))
  })
  expect(codes).toEqual([0xdcff, 0xdcfe, 0])
  expect(await typeCommand(page, 'wc -c bin')).toEqual([{ text: '3 bin', stderr: false }])
  await page.reload()
  await page.evaluate(() => window.lab!.ready)
  expect(await typeCommand(page, 'od -An -tx1 bin')).toEqual([{ text: ' ff fe 00', stderr: false }])
})
