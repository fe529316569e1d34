import { describe, expect, it } from 'vitest'
import { newShell } from './testSupport'

describe("the workstation's line after bash's `command not found`", () => {
  it('a pager: bash says it is not found, then the lab says what to do instead', async () => {
    const r = await newShell({}).run('printf "a\\nb\\n" | less; echo "status $?"')
    expect(r.stdout).toBe('status 127\n')
    expect(r.stderr).toBe(
      "bash: less: command not found\nlab: there is no pager in this lab. The terminal keeps the whole output: leave out '| less' and scroll up (Page Up), or cut the output down with head, tail or grep.\n",
    )
    expect((await newShell({}).run('more x')).stderr).toContain("leave out '| more'")
  })

  it('sudo and man have theirs; any other name, a path, or a name every JavaScript object has gets bash\'s line alone', async () => {
    expect((await newShell({}).run('sudo ls')).stderr).toBe("bash: sudo: command not found\nlab: the workstation's shell already runs as root: leave out 'sudo'.\n")
    expect((await newShell({}).run('man ls')).stderr).toMatch(/^bash: man: command not found\nlab: there are no manual pages in this lab\./)
    for (const line of ['nosuch', '/usr/bin/less', 'constructor', 'toString', '__proto__']) {
      const r = await newShell({}).run(line)
      expect(r.stderr, line).toBe(`bash: ${line}: ${line.includes('/') ? 'No such file or directory' : 'command not found'}\n`)
      expect(r.exitCode, line).toBe(127)
    }
  })
})
