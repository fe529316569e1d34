// How busybox's applets read their options here: musl's getopt over single-letter flags.

/** musl getopt over single-letter flags: the set seen, the operands, or the bad letter. */
export function flagsOf(args: string[], letters: string): { flags: Set<string>; operands: string[] } | { bad: string } {
  const flags = new Set<string>()
  const operands: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') { operands.push(...args.slice(i + 1)); break }
    if (!a.startsWith('-') || a === '-') { operands.push(a); continue }
    for (const ch of a.slice(1)) {
      if (!letters.includes(ch)) return { bad: ch }
      flags.add(ch)
    }
  }
  return { flags, operands }
}
