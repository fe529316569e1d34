// jq pieces the differential test cannot check against the real jq: `now` reads the lab clock,
// and the interpreter is loaded only when jq first runs.

import { expect, test } from 'vitest'
import { newShell } from '../testSupport'

test('jq now and todate read the lab clock, not the wall clock', async () => {
  const sh = newShell()
  expect(await sh.run('jq -n "now | todate"')).toEqual({ stdout: '"2026-05-24T10:00:00Z"\n', stderr: '', exitCode: 0 })
  expect(await sh.run('jq -rn "now | strftime(\\"%H:%M\\")"')).toEqual({ stdout: '10:00\n', stderr: '', exitCode: 0 })
})

test('jq reads JSON written by other commands in a pipe and $ENV sees exported variables', async () => {
  const sh = newShell()
  expect(await sh.run('export NS=sa-demo; echo "{\\"ns\\":\\"$NS\\"}" | jq -r ".ns, \\$ENV.NS, env.HOME"')).toEqual({ stdout: 'sa-demo\nsa-demo\n/root\n', stderr: '', exitCode: 0 })
})
