// whoami and id against coreutils 9.1 on this machine (one bash process for all cases). The lab's
// workstation user is root; so that the comparison holds whoever runs the suite, a case that
// reads the current user runs for the real tools with root named (`id -u` as `id -u root`), and
// the plain `whoami` is held to what `id -un root` prints.

import { describe, expect, test } from 'vitest'
import { missingTools, runLab, runReal } from './diffSupport'

/** [the line typed in the lab, the line run by the real tools (when it differs)] */
const CASES: [string, string?][] = [
  ['whoami', 'id -un root'],
  ['whoami --', 'id -un -- root'],
  ['whoami x'],
  ['whoami -- x'],
  ['whoami -x'],
  ['whoami --version'],
  ['whoami --nope'],
  ['id', 'id root'],
  ['id root'],
  ['id 0'],
  ['id root 0'],
  ['id --', 'id -- root'],
  ['id -a', 'id -a root'],
  ['id -u', 'id -u root'],
  ['id -g', 'id -g root'],
  ['id -G', 'id -G root'],
  ['id -un', 'id -un root'],
  ['id -gn', 'id -gn root'],
  ['id -Gn', 'id -Gn root'],
  ['id -ru', 'id -ru root'],
  ['id -rG', 'id -rG root'],
  ['id --user', 'id --user root'],
  ['id --name --group', 'id --name --group root'],
  ['id --u', 'id --u root'],
  ['id -nu 0'],
  ['id -zG | od -c', 'id -zG root | od -c'],
  ['id -uz | od -c', 'id -uz root | od -c'],
  ['id -G -n -z | od -c', 'id -G -n -z root | od -c'],
  ['id -n'],
  ['id -r'],
  ['id -n root'],
  ['id -u -g'],
  ['id -g -G root'],
  ['id -z'],
  ['id --zero'],
  ['id -Z'],
  ['id --context'],
  ['id -Z -u'],
  ['id -x'],
  ['id --usr'],
  ['id --g'],
  ['id --gro'],
  ['id --version'],
  ['id nobody-in-this-lab'],
  ['id 12345'],
  ["id ''"],
  ['id -u nobody-in-this-lab root'],
  ['id nobody-in-this-lab; echo "status $?"'],
]

describe('whoami and id agree with coreutils', () => {
  const missing = missingTools(['id', 'whoami', 'od'])
  test('the real tools are installed', () => {
    expect(missing, `missing on this machine: ${missing.join(', ')}`).toEqual([])
  })
  test('every case: stdout, stderr and status', async () => {
    const real = runReal(CASES.map(([lab, realLine]) => realLine ?? lab), {})
    const lab = await runLab(CASES.map(([line]) => line), {})
    for (const [i, [line]] of CASES.entries()) expect.soft({ line, ...lab[i] }).toEqual({ line, ...real[i] })
  })
})
