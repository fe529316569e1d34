// What busybox ash and dash say where bash says it otherwise: the lab's shell speaks bash, and a
// container's sh (or the workstation's, which is dash) rewords its standard error through these.

/**
 * Busybox ash says `sh: x: not found` where bash says `bash: x: command not found`. (The applets'
 * own messages are busybox's already: busyboxWords.ts rewords each as it writes.) A builtin's
 * error names the line of a script (`-c`'s is line 0); an interactive shell's does not.
 */
export function ashMessages(text: string, script = true): string {
  const line = script ? 'line 0: ' : ''
  return posixWords(text)
    .replace(/^bash: .*: bad substitution$/gm, 'sh: syntax error: bad substitution')
    .replace(/^bash: cd: (.*): (No such file or directory|Not a directory)$/gm, `sh: cd: ${line}can't cd to $1: $2`)
    .replace(/^bash: exit: (.*): numeric argument required$/gm, `sh: exit: ${line}Illegal number: $1`)
    .replace(/^bash: (export|readonly|unset|set|local|trap): /gm, `sh: $1: ${line}`)
    .replace(/^bash: .*: division by 0 \(error token is ".*"\)$/gm, 'sh: divide by zero')
    .replace(/^bash: (?:test|\[): (.*): integer expression expected$/gm, 'sh: $1: bad number')
    .replace(/^bash: (\S+): readonly variable$/gm, 'sh: $1: is read only')
    .replace(/^bash: (.*): command not found$/gm, 'sh: $1: not found').replace(/^bash: /gm, 'sh: ')
    // ash's printf builtin
    .replace(/^sh: printf: (.*): invalid number$/gm, "sh: invalid number '$1'")
    .replace(/^printf: usage: printf \[-v var\] format \[arguments\]$/gm, 'sh: usage: printf FORMAT [ARGUMENT...]')
}

/** dash (Debian's sh) names the script's line: `sh: 1: x: not found`; the GNU tools speak for themselves. */
export function dashMessages(text: string): string {
  return posixWords(text)
    .replace(/^bash: .*: bad substitution$/gm, 'sh: 1: Bad substitution')
    .replace(/^bash: cd: (.*): (No such file or directory|Not a directory)$/gm, "sh: 1: cd: can't cd to $1")
    .replace(/^bash: exit: (.*): numeric argument required$/gm, 'sh: 1: exit: Illegal number: $1')
    .replace(/^bash: (.*): division by 0 \(error token is ".*"\)$/gm, 'sh: 1: arithmetic expression: division by zero: "$1"')
    .replace(/^bash: (test|\[): (.*): integer expression expected$/gm, 'sh: 1: $1: Illegal number: $2')
    .replace(/^bash: (\S+): readonly variable$/gm, 'sh: 1: $1: is read only')
    .replace(/^bash: (.*): command not found$/gm, 'sh: 1: $1: not found').replace(/^bash: /gm, 'sh: 1: ')
}

/** What ash and dash both say otherwise than bash (an unset variable under `set -u` among them). */
const posixWords = (text: string) =>
  text.replace(/^(bash: .*): parameter null or not set$/gm, '$1: parameter not set or null').replace(/^(bash: .*): unbound variable$/gm, '$1: parameter not set')

/** Who speaks in a container's shell: busybox ash, dash, or bash. */
export type Personality = 'sh' | 'dash' | 'bash'

/** The stderr rewording for a shell of this personality (bash's own messages stay as they are); `script`: not interactive. */
export function containerMessages(personality: Personality, script = true): (text: string) => string {
  if (personality === 'sh') return (t) => ashMessages(t, script)
  if (personality === 'dash') return dashMessages
  return (t) => t
}

/**
 * ash and dash name themselves by `$0` in their messages: `sh -c SCRIPT NAME` says `NAME:` where
 * it said `sh:` (ash then names line 0 for a command it did not find, as it does in a script).
 */
export function byName(personality: Personality, name: string, text: string): string {
  if (personality === 'dash') return text.replace(/^sh: /gm, () => `${name}: `)
  if (personality === 'sh') return text.replace(/^sh: (.*: not found)$/gm, (_, rest: string) => `sh: line 0: ${rest}`).replace(/^sh: /gm, () => `${name}: `)
  return text
}

