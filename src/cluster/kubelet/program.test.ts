// The command line a container runs (Docker/Kubernetes rules, as in the Kubernetes docs "Define a
// Command and Arguments for a Container": command replaces the image's ENTRYPOINT and drops its
// CMD; args alone replace CMD) and what the lab makes of it.
import { describe, expect, it } from 'vitest'
import { containerArgv, containerProgram, openingScript, script, sleepMs } from './program'

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.45'

describe('container command line', () => {
  it('combines the image entrypoint and cmd with command and args', () => {
    expect(containerArgv({ image: 'nginx' })).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'])
    expect(containerArgv({ image: 'busybox', args: ['sleep', '5'] })).toEqual(['sleep', '5'])
    expect(containerArgv({ image: AGNHOST, command: ['sleep', '100000'] })).toEqual(['sleep', '100000'])
    expect(containerArgv({ image: AGNHOST, args: ['netexec'] })).toEqual(['/agnhost', 'netexec'])
    expect(containerArgv({ image: 'curlimages/curl', command: ['curl'], args: ['-s', 'x'] })).toEqual(['curl', '-s', 'x'])
  })
})

describe('what the main process does', () => {
  it('sleep N ends after N seconds with 0 (busybox suffixes s m h d)', () => {
    expect(sleepMs(['5'])).toBe(5000)
    expect(sleepMs(['1m', '30'])).toBe(90_000)
    expect(sleepMs(['infinity'])).toBe('forever')
    expect(sleepMs(['x'])).toBe('invalid')
    expect(containerProgram({ image: 'busybox', args: ['sleep', '5'] })).toEqual({ exitMs: 5000, code: 0 })
  })

  it('keeps the article pod (sleep 100000: more than a day) running for good', () => {
    expect(containerProgram({ image: AGNHOST, command: ['sleep', '100000'] })).toBeUndefined()
  })

  it('sh -c: exit codes, sleeps, && and ||', () => {
    expect(containerProgram({ image: 'busybox', args: ['sh', '-c', 'exit 3'] })).toEqual({ exitMs: 0, code: 3 })
    expect(script('sleep 2; exit 1')).toEqual({ exitMs: 2000, code: 1 })
    expect(script('echo hi && false')).toEqual({ exitMs: 0, code: 1 })
    expect(script('false || exit 0')).toEqual({ exitMs: 0, code: 0 })
    expect(script('false && exit 7')).toEqual({ exitMs: 0, code: 1 })
    expect(script('exit 256')).toEqual({ exitMs: 0, code: 0 })
    expect(script('while true; do sleep 1; done')).toBe('forever')
  })

  it('images without a command: shells and python end at once, servers keep running', () => {
    expect(containerProgram({ image: 'busybox' })).toEqual({ exitMs: 0, code: 0 })
    expect(containerProgram({ image: 'ubuntu' })).toEqual({ exitMs: 0, code: 0 })
    expect(containerProgram({ image: 'python:3.12' })).toEqual({ exitMs: 0, code: 0 })
    expect(containerProgram({ image: 'curlimages/curl' })).toEqual({ exitMs: 0, code: 2 })
    expect(containerProgram({ image: 'nginx' })).toBeUndefined()
    expect(containerProgram({ image: AGNHOST })).toBeUndefined()
    expect(containerProgram({ image: 'registry.k8s.io/pause:3.10' })).toBeUndefined()
  })

  it('leaves programs it does not know running (as the lab always did)', () => {
    expect(containerProgram({ image: 'busybox', args: ['my-server', '--port=80'] })).toBeUndefined()
    expect(containerProgram({ image: 'busybox', args: ['sh', '-c', 'cat /x | grep y'] })).toBeUndefined()
  })
})

// A script that prints and then goes on (sleeps, loops, serves): the lab runs its opening as the
// container starts, for the log (podWorkers.ts runMain).
describe("a script's opening", () => {
  const sh = (text: string, more: { stdin?: boolean } = {}) => openingScript({ image: 'busybox', args: ['sh', '-c', text], ...more })

  it('is the commands before the first that does not end at once', () => {
    expect(sh('echo hello; sleep 3600')).toEqual({ text: 'echo hello', endsIfFailed: false })
    expect(sh('cat /run/token\nsleep infinity')).toEqual({ text: 'cat /run/token', endsIfFailed: false })
    expect(sh('env; while true; do sleep 30; done')).toEqual({ text: 'env', endsIfFailed: false })
    expect(sh('echo a && echo b; sleep 5; echo c')).toEqual({ text: 'echo a && echo b', endsIfFailed: false })
  })

  it('joined to the rest by && alone: the script ends with the opening when it fails', () => {
    expect(sh('cat /nope && sleep infinity')).toEqual({ text: 'cat /nope', endsIfFailed: true })
    expect(sh('echo a && while true; do sleep 1; done')).toEqual({ text: 'echo a', endsIfFailed: false })
  })

  it('is not there for a script that ends at once, starts with a wait, or runs its opening in the background', () => {
    expect(sh('echo hi; exit 3')).toBeUndefined()
    expect(sh('echo hi || sleep 5')).toBeUndefined()
    expect(sh('sleep 5; echo late')).toBeUndefined()
    expect(sh('false || sleep infinity')).toBeUndefined()
    expect(sh('echo bg & sleep 100')).toBeUndefined()
    expect(sh('echo x; sleep 1 | cat; sleep 9')).toEqual({ text: 'echo x', endsIfFailed: false })
    expect(openingScript({ image: 'busybox', args: ['sleep', '3600'] })).toBeUndefined()
    expect(openingScript({ image: 'busybox', args: ['sh', '-i'], stdin: true })).toBeUndefined()
  })
})

