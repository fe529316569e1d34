// /version as the server writes it (pkg/server/routes/version.go: responsewriters.WriteRawJSON, i.e.
// json.MarshalIndent with two spaces and no newline after it), printed as it is by `kubectl get --raw`,
// and still decoded by `kubectl version`; the Endpoints deprecation warning as kubectl prints it.

import { describe, expect, it } from 'vitest'
import { createLab } from '../../../app/lab'

describe('server bodies as served', () => {
  it('get --raw /version is indented with no newline at the end; kubectl version still reads it', async () => {
    const lab = await createLab({ seed: 'raw-version' })
    const raw = (await lab.run('kubectl get --raw /version')).stdout
    expect(raw.startsWith('{\n  "major": "1",\n  "minor": "35",\n')).toBe(true)
    expect(raw.endsWith('\n  "platform": "linux/amd64"\n}')).toBe(true)
    expect((await lab.run('kubectl version')).stdout).toContain('Server Version: v1.35.0\n')
  })
  it('kubectl get endpoints prints the server\'s deprecation warning on stderr', async () => {
    const lab = await createLab({ seed: 'raw-version' })
    const r = await lab.run('kubectl get endpoints')
    expect(r.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n')
  })
})
