// Which `sh -c` scripts the lab runs part by part over lab time, and how it cuts them: at `;` and
// newlines of the script's top level only (not inside quotes, substitutions or compound commands),
// with each literal sleep a pause, and a final `while true` loop going round.
import { describe, expect, it } from 'vitest'
import { steppedScript, topLevelCommands } from './steppedScript'

const sh = (script: string, shell = 'sh') => steppedScript({ image: 'busybox', command: [shell, '-c', script] })

describe('topLevelCommands', () => {
  it.each([
    ['echo a; echo b', ['echo a', 'echo b']],
    ['echo "a; b"; echo \'c; d\'', ['echo "a; b"', "echo 'c; d'"]],
    ['echo $(echo a; echo b); echo c', ['echo $(echo a; echo b)', 'echo c']],
    ['echo `date; date`\necho c', ['echo `date; date`', 'echo c']],
    ['if true; then echo a; fi; echo b', ['if true; then echo a; fi', 'echo b']],
    ['for i in 1 2; do echo $i; done; echo done', ['for i in 1 2; do echo $i; done', 'echo done']],
    ['case x in x) echo y;; esac; echo z', ['case x in x) echo y;; esac', 'echo z']],
    ['{ echo a; echo b; }; echo c', ['{ echo a; echo b; }', 'echo c']],
    ['(cd /; ls); echo ${HOME}; echo a && echo b || echo c', ['(cd /; ls)', 'echo ${HOME}', 'echo a && echo b || echo c']],
    ['echo a # a comment; no command\necho b', ['echo a # a comment; no command', 'echo b']],
    ['while true; do echo a; sleep 1; done', ['while true; do echo a; sleep 1; done']],
  ])('%j', (script, commands) => {
    expect(topLevelCommands(script)).toEqual(commands)
  })

  it.each(['echo "open', "echo 'open", 'echo $(open', 'if true; then echo', 'echo a; done', 'echo )'])('unclosed or stray: %j', (script) => {
    expect(topLevelCommands(script)).toBeUndefined()
  })
})

describe('steppedScript', () => {
  it("takes Kubernetes' counter example apart: the assignment, then the loop's body going round", () => {
    expect(sh('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done')).toEqual({
      steps: [{ run: 'i=0' }, { run: 'echo "$i: $(date)"\ni=$((i+1))' }, { sleepMs: 1000 }],
      loopFrom: 1,
      roundMs: 1000,
    })
  })

  it('a sequence with sleeps between its parts, busybox durations summed', () => {
    expect(sh('echo one; sleep 5; echo two\nsleep 1m 30s; echo three; echo four')).toEqual({
      steps: [{ run: 'echo one' }, { sleepMs: 5000 }, { run: 'echo two' }, { sleepMs: 90_000 }, { run: 'echo three\necho four' }],
    })
    expect(sh('sleep 2; cat /etc/hostname', 'bash')).toEqual({ steps: [{ sleepMs: 2000 }, { run: 'cat /etc/hostname' }] })
    expect(steppedScript({ image: 'busybox', command: ['/bin/sh', '-c'], args: ['while :\ndo\n  date\n  sleep 0.5\ndone'] })).toEqual({
      steps: [{ run: 'date' }, { sleepMs: 500 }],
      loopFrom: 0,
      roundMs: 500,
    })
    expect(sh('while true; do date; sleep 0.1; done')?.roundMs).toBe(100)
  })

  it.each([
    ['no sleep', 'echo a; echo b'],
    ['nothing after the sleep', 'echo ready; sleep 3600'],
    ['a sleep for good', 'echo a; sleep infinity'],
    ['a loop that only sleeps', 'echo ready; while true; do sleep 30; done'],
    ['a loop that never sleeps', 'while true; do echo a; done'],
    ['a loop that hardly sleeps (under a tenth of a second a round)', 'while true; do echo a; sleep 0.05; done'],
    ['a sleep inside an if', 'if true; then sleep 1; fi; echo a'],
    ['a sleep with a variable', 'N=1; echo a; sleep $N; echo b'],
    ['a sleep joined by &&', 'echo a && sleep 1; echo b'],
    ['a job in the background', 'sleep 1 & echo a; sleep 1; echo b'],
    ['exit', 'echo a; sleep 1; exit 3'],
    ['a for loop', 'for i in 1 2 3; do echo $i; sleep 1; done'],
    ['a while loop on a condition', 'while [ -f /x ]; do echo a; sleep 1; done'],
    ['commands after the loop', 'while true; do echo a; sleep 1; done; echo never'],
  ])('not stepped: %s', (_, script) => {
    expect(sh(script)).toBeUndefined()
  })

  it('only a shell with -c and its script (no $0 and arguments after it, no script read from stdin)', () => {
    expect(steppedScript({ image: 'busybox', command: ['sh', '-c', 'echo a; sleep 1; echo b', 'name'] })).toBeUndefined()
    expect(steppedScript({ image: 'busybox', command: ['python3', '-c', 'echo a; sleep 1; echo b'] })).toBeUndefined()
    expect(steppedScript({ image: 'busybox', command: ['sh', '-c', 'echo a; sleep 1; echo b'] })).toBeDefined()
    // a redirection's & is not a job
    expect(sh('cat /nope 2>&1; sleep 1; echo b')).toEqual({ steps: [{ run: 'cat /nope 2>&1' }, { sleepMs: 1000 }, { run: 'echo b' }] })
  })
})
