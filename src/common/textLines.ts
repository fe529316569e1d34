// A text's lines as a log reader or a writer per line takes them: each with its newline, the last
// one without when the text does not end with one.

export function textLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}
