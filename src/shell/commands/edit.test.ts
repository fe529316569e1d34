import { describe, expect, test } from 'vitest'
import type { EditRequest } from '../types'
import { Shell } from '../shell'
import { createWorkstation } from '../workstation'
import { fakeLab } from '../testSupport'
import { yamlMarkers } from './edit'

/** A shell whose editor answers each request with the next answer (a function of the text it opened). */
function shellWithEditor(answers: ((text: string) => string | undefined)[]) {
  const opened: EditRequest[] = []
  const lab = {
    ...fakeLab(),
    edit: async (r: EditRequest) => {
      opened.push(r)
      const a = answers.shift()
      return a ? a(r.text) : undefined
    },
  }
  const { fs, env } = createWorkstation()
  return { sh: new Shell({ fs, env, lab }), fs, opened }
}

const MANIFEST = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n'

describe('nano, vi, vim, edit', () => {
  test('nano creates a new file with what was saved', async () => {
    const { sh, fs, opened } = shellWithEditor([() => MANIFEST])
    expect(await sh.run('nano sa.yaml')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(opened).toEqual([{ path: '/root/sa.yaml', text: '', language: 'yaml', title: 'nano sa.yaml' }])
    expect(fs.readFile('/root/sa.yaml')).toBe(MANIFEST)
    expect((await sh.run('cat sa.yaml')).stdout).toBe(MANIFEST)
  })

  test('vi opens an existing file; a save without a final newline gets one, as vim writes it', async () => {
    const { sh, fs, opened } = shellWithEditor([(t) => t.replace('robot', 'robot2').trimEnd()])
    fs.writeFile('/root/sa.yaml', MANIFEST)
    expect((await sh.run('vi sa.yaml')).exitCode).toBe(0)
    expect(opened[0].text).toBe(MANIFEST)
    expect(fs.readFile('/root/sa.yaml')).toBe(MANIFEST.replace('robot', 'robot2'))
  })

  test('closing without saving leaves the file as it was (and creates none)', async () => {
    const { sh, fs } = shellWithEditor([() => undefined, () => undefined])
    fs.writeFile('/root/a.txt', 'keep\n')
    expect((await sh.run('vim a.txt')).exitCode).toBe(0)
    expect(fs.readFile('/root/a.txt')).toBe('keep\n')
    expect((await sh.run('edit new.txt')).exitCode).toBe(0)
    expect(fs.exists('/root/new.txt')).toBe(false)
  })

  test('the language follows the extension; YAML errors are marked at their line', async () => {
    const { sh, fs, opened } = shellWithEditor([() => undefined, () => undefined, () => undefined])
    fs.writeFile('/root/bad.yaml', 'apiVersion: v1\nkind: ServiceAccount\n  name: x\n')
    await sh.run('edit obj.json; edit notes; edit bad.yaml')
    expect(opened.map((o) => o.language)).toEqual(['json', 'plaintext', 'yaml'])
    expect([2, 3]).toContain(opened[2].markers?.[0].line)
    expect(yamlMarkers(MANIFEST)).toEqual([])
  })

  test('errors: a directory, a missing folder, no file named', async () => {
    const { sh, opened } = shellWithEditor([])
    expect(await sh.run('nano .kube')).toEqual({ stdout: '', stderr: 'nano: .kube: Is a directory\n', exitCode: 1 })
    expect((await sh.run('vi nope/x.yaml')).stderr).toBe('vi: nope/x.yaml: No such file or directory (the folder /root/nope does not exist)\n')
    expect((await sh.run('vim')).stderr).toBe('vim: name the file to edit, for example: vim sa.yaml\n')
    expect(opened).toHaveLength(0)
  })

  test('without an attached editor: a clear message and what to do instead, exit 1', async () => {
    const { fs, env } = createWorkstation()
    const sh = new Shell({ fs, env, lab: fakeLab() })
    for (const name of ['nano', 'vi', 'vim', 'edit']) {
      const r = await sh.run(`${name} sa.yaml`)
      expect(r.exitCode).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(
        `${name}: no editor is attached in this session (the transcript runner and Node tests have none).\n` +
          "Write the file with a here-document instead, then check it:\n  cat > sa.yaml <<'EOF'\n  ...the text of the file...\n  EOF\n  cat sa.yaml\n",
      )
    }
    expect(fs.exists('/root/sa.yaml')).toBe(false)
  })

  test('the here-document the message suggests writes the file', async () => {
    const { fs, env } = createWorkstation()
    const sh = new Shell({ fs, env, lab: fakeLab() })
    await sh.run(`cat > sa.yaml <<'EOF'\n${MANIFEST}EOF`)
    expect(fs.readFile('/root/sa.yaml')).toBe(MANIFEST)
  })
})
