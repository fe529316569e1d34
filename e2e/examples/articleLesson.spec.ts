// An example for instructors: the article lesson run by clicking only (the lesson's Run buttons,
// then Next), as one would to prepare course material. It records a video of the whole run and
// a screenshot of every finished step (test-results/<this test>/step-N.png, video.webm).
//
//   E2E_PORT=4190 npx playwright test e2e/examples/articleLesson.spec.ts
//
// The same seed always prints the same output, so the material matches what students see with
// ?seed=1. Change SEED, the viewport or the lesson id to make other material.
//
// Playwright records video with an ffmpeg in its browsers folder: `npx playwright install ffmpeg`
// where its downloads are reachable, or Debian's ffmpeg linked there (.ci/run does that).
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { holdEditorPreload } from '../support/editor'
import { openLab } from '../support/terminal'
import { expectAllTicked, lessonPanel, outline, stepHeading, waitEchoed } from '../support/lesson'

const SEED = 1
const LESSON = 'article'

const browsers = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright')
const hasFfmpeg = existsSync(browsers) && readdirSync(browsers).some((d) => d.startsWith('ffmpeg'))

test.use({ video: 'on', viewport: { width: 1280, height: 800 } })

test('the article lesson, clicked through from the lesson panel', async ({ page, context }, testInfo) => {
  await holdEditorPreload(context)
  test.setTimeout(600_000)
  // The video is part of what this walkthrough delivers: without an ffmpeg it fails, it does not skip.
  expect(hasFfmpeg, `no ffmpeg where Playwright looks for it (${browsers}/ffmpeg-*): .ci/run links Debian's ffmpeg there`).toBe(true)
  testInfo.annotations.push({ type: 'video', description: 'video.webm beside the step screenshots' })
  await page.addInitScript(() => localStorage.clear())
  await openLab(page, `/?seed=${SEED}`)
  const panel = lessonPanel(page)
  const lesson = (await outline(page)).find((l) => l.id === LESSON)!
  await panel.getByRole('button', { name: lesson.title }).click()

  for (const [i, step] of lesson.steps.entries()) {
    await expect(stepHeading(page, step.title)).toBeVisible({ timeout: 60_000 })
    for (const cmd of step.commands) {
      await panel.getByRole('button', { name: `Run ${cmd}` }).click()
      await waitEchoed(page, cmd, 120_000)
    }
    if (step.checks.length) await expectAllTicked(panel, 60_000)
    const shot = testInfo.outputPath(`step-${i + 1}.png`)
    await page.screenshot({ path: shot })
    await testInfo.attach(`step ${i + 1}: ${step.title}`, { path: shot, contentType: 'image/png' })
    if (i < lesson.steps.length - 1) await panel.getByRole('button', { name: 'Next', exact: true }).click()
  }
  await expect(panel.getByText('Lesson done.')).toBeVisible()
})
