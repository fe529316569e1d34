// A live watch in the page: the lab's worker paces it (a timer per interval), so it refreshes
// the screen every interval with the lab clock moved on, until Ctrl+C ends it. It draws on the
// terminal's alternate screen, as the real one does through ncurses: when it ends, the screen from
// before it comes back (its own line included) and its refreshes are gone. `kubectl get -w` and
// `kubectl logs -f` are paced the same way, on the normal screen.
import { expect, test } from '@playwright/test'
import { commandLine, openLab, PS1, shownLines, typeCommand, unfinishedLine, waitIdle } from './support/terminal'

test('watch refreshes live against the lab clock, and Ctrl+C ends it', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'echo before')
  const input = commandLine(page)
  await input.fill('watch -n 1 lab now')
  await input.press('Enter')
  await expect(page.locator('.t-inputline')).toHaveAttribute('data-busy', 'true')

  // Each refresh clears the screen: one header, and below it the lab time, one second later each time.
  const seen: string[] = []
  await expect
    .poll(
      async () => {
        const lines = (await shownLines(page)).map((l) => l.text)
        expect(lines.filter((l) => l.startsWith('Every 1.0s: lab now')).length).toBeLessThanOrEqual(1)
        const time = lines.find((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(l))
        if (time !== undefined && !seen.includes(time)) seen.push(time)
        return seen.length
      },
      { timeout: 30_000, intervals: [150] },
    )
    .toBeGreaterThanOrEqual(3)
  const [a, b, c] = seen.map((t) => Date.parse(t))
  expect([b - a, c - b]).toEqual([1000, 1000])

  await input.press('Control+c')
  await waitIdle(page)
  expect((await shownLines(page)).map((l) => l.text)).toEqual([`${PS1}echo before`, 'before', `${PS1}watch -n 1 lab now`])
  expect((await typeCommand(page, 'echo "back $?"')).map((l) => l.text)).toEqual(['back 0'])
})

test('kubectl get pods -w prints a row for each change, live, until Ctrl+C (^C, status 1)', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl run w --image=busybox -- sleep 3600')
  const input = commandLine(page)
  await input.fill('kubectl get pods -w')
  await input.press('Enter')
  // the pod is Pending, then its container is being created, then it runs (about 4 s of lab time, a refresh each second)
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText(/w +1\/1 +Running/, { timeout: 30_000 })
  await input.press('Control+c')
  await waitIdle(page)
  const lines = (await shownLines(page)).map((l) => l.text)
  const rows = lines.slice(lines.indexOf(`${PS1}kubectl get pods -w`) + 1)
  expect(rows[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE')
  expect(rows[1]).toMatch(/^w {6}0\/1 {5}Pending {3}0 {10}0s$/)
  expect(rows.map((r) => r.split(/ +/)[2])).toEqual(['STATUS', 'Pending', 'ContainerCreating', 'Running'])
  // the terminal's echo of Ctrl+C; kubectl handled it and exited, so bash adds no newline: the prompt follows it
  expect(await unfinishedLine(page)).toEqual({ text: '^C', stderr: true })
  expect((await typeCommand(page, 'echo "back $?"')).map((l) => l.text)).toEqual(['back 1'])
})

test('kubectl logs -f follows a running container live until it ends, or until Ctrl+C kills it (^C, status 130)', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, "kubectl run brief --image=busybox --restart=Never -- sh -c 'echo bye; sleep 3'")
  await typeCommand(page, "kubectl run talker --image=busybox -- sh -c 'echo ready; sleep infinity'")
  await typeCommand(page, 'kubectl wait --for=condition=Ready pod/brief pod/talker')
  // brief's process ends about 3 s of lab time after it started: the stream, and kubectl, end with it
  expect((await typeCommand(page, 'kubectl logs -f brief; echo "ended $?"')).map((l) => l.text)).toEqual(['bye', 'ended 0'])
  const input = commandLine(page)
  await input.fill('kubectl logs -f talker')
  await input.press('Enter')
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('ready')
  await page.waitForTimeout(1500)
  await expect(page.locator('.t-inputline')).toHaveAttribute('data-busy', 'true')
  await input.press('Control+c')
  await waitIdle(page)
  // killed by the SIGINT: `^C` on a line of its own, as any command Ctrl+C stops
  expect((await shownLines(page)).map((l) => l.text).slice(-3)).toEqual([`${PS1}kubectl logs -f talker`, 'ready', '^C'])
  expect((await typeCommand(page, 'echo "back $?"')).map((l) => l.text)).toEqual(['back 130'])
})

test("kubectl logs -f streams what a looping pod prints, live; the header's lab time moves with the rounds", async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, `kubectl run counter --image=busybox -- sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'`)
  await typeCommand(page, 'kubectl wait --for=condition=Ready pod/counter')
  const counted = async () => (await shownLines(page)).filter((l) => /^\d+: /.test(l.text)).map((l) => l.text)
  const clock = page.getByTestId('lab-clock')
  const before = Number(await clock.getAttribute('data-ms'))
  const input = commandLine(page)
  await input.fill('kubectl logs -f counter')
  await input.press('Enter')
  await expect.poll(async () => (await counted()).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(5)
  // still following, and the seeded (still) clock shown has moved with the rounds
  await expect(page.locator('.t-inputline')).toHaveAttribute('data-busy', 'true')
  expect(Number(await clock.getAttribute('data-ms'))).toBeGreaterThanOrEqual(before + 2000)
  await input.press('Control+c')
  await waitIdle(page)
  const lines = await counted()
  lines.forEach((l, i) => expect(l.startsWith(`${i}: `)).toBe(true))
})

test('a live command in a lab whose clock runs at real speed moves it by the wall time that passed, not twice', async ({ page }) => {
  await openLab(page, '/') // no seed: real speed
  const labSeconds = async () => Number((await typeCommand(page, 'date +%s')).at(-1)?.text)
  const lab0 = await labSeconds()
  const wall0 = Date.now()
  const input = commandLine(page)
  await input.fill('kubectl get ns -w')
  await input.press('Enter')
  await page.waitForTimeout(5000)
  await input.press('Control+c')
  await waitIdle(page)
  const lab1 = await labSeconds()
  const wall = (Date.now() - wall0) / 1000
  // (each round moved the lab a second for the second it waited: the page's clock owes that no more)
  expect(Math.abs(lab1 - lab0 - wall)).toBeLessThanOrEqual(2)
})

test('timeout ends a live kubectl get -w when its time of the lab clock is up (status 124)', async ({ page }) => {
  await openLab(page, '/?seed=1')
  await typeCommand(page, 'kubectl run w --image=busybox -- sleep 3600')
  const before = Date.parse((await typeCommand(page, 'lab now'))[0].text)
  // paced live rounds move the lab clock a second a second: three of them, then timeout stops kubectl
  const lines = (await typeCommand(page, 'timeout 3 kubectl get pods -w; echo "rc=$?"', 30_000)).map((l) => l.text)
  expect(lines[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE')
  expect(lines[lines.length - 1]).toBe('rc=124')
  const after = Date.parse((await typeCommand(page, 'lab now'))[0].text)
  expect(after - before).toBe(3000)
})
