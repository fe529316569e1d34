// What the workstation says after bash's `command not found` for a few programs a student often
// reaches for that the lab does not have: bash's line stays exactly as bash prints it, and one line
// of the lab's own, marked `lab:`, says what to do instead.

const PAGER = (name: string) =>
  `lab: there is no pager in this lab. The terminal keeps the whole output: leave out '| ${name}' and scroll up (Page Up), or cut the output down with head, tail or grep.\n`

const HINTS: Readonly<Record<string, string>> = {
  less: PAGER('less'),
  more: PAGER('more'),
  man: "lab: there are no manual pages in this lab. Most commands take --help, 'help' lists the workstation's commands, and 'kubectl explain' describes API fields.\n",
  sudo: "lab: the workstation's shell already runs as root: leave out 'sudo'.\n",
}

/** The lab's line after `bash: NAME: command not found`, for a name it has one for. */
export function missingHint(name: string): string | undefined {
  return Object.hasOwn(HINTS, name) ? HINTS[name] : undefined
}
