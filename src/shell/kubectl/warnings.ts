// Warning headers of the server's responses, printed by kubectl to stderr as `Warning: <text>`, each
// text once per command (kubectl sets a deduplicating WarningWriter as client-go's default handler).
// Imitates: k8s.io/client-go/rest/warnings.go (ParseWarningHeaders, NewWarningWriter) and kubectl pkg/cmd/cmd.go

/** RFC 7234 warn-values `299 - "text"` (or with a date), several per header joined by commas. */
export function parseWarningHeader(header: string): { code: number; text: string }[] {
  const out: { code: number; text: string }[] = []
  const re = /(\d{3}) (\S+) "((?:[^"\\]|\\.)*)"(?: "[^"]*")?\s*(?:,\s*|$)/gy
  for (let m = re.exec(header); m; m = re.exec(header)) out.push({ code: Number(m[1]), text: m[3].replace(/\\(.)/g, '$1') })
  return out
}

export class WarningWriter {
  private readonly seen = new Set<string>()
  constructor(private readonly write: (text: string) => void) {}

  /** HandleWarningHeader: only code 299 with a text is printed. */
  handle(header: string | undefined): void {
    if (!header) return
    for (const { code, text } of parseWarningHeader(header)) {
      if (code !== 299 || !text || this.seen.has(text)) continue
      this.seen.add(text)
      this.write(`Warning: ${text}\n`)
    }
  }
}
