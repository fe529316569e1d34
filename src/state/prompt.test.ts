import { describe, expect, it } from 'vitest'
import { promptFor } from './slices/terminal'

// bash's default root prompt `\u@\h:\w\$ ` (checked with bash 5.2: HOME=/root, PS1='\u@\h:\w\$ ').
describe('the prompt follows the working directory as bash shows \\w', () => {
  it.each([
    ['/root', 'root@workstation:~# '],
    [undefined, 'root@workstation:~# '],
    ['/root/manifests', 'root@workstation:~/manifests# '],
    ['/tmp', 'root@workstation:/tmp# '],
    ['/', 'root@workstation:/# '],
    ['/rootfs', 'root@workstation:/rootfs# '],
  ])('%s', (cwd, prompt) => {
    expect(promptFor(cwd)).toBe(prompt)
  })
})
