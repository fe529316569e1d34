// The small markdown subset of lesson prose, parsed into a plain tree the page renders as
// React elements (never as HTML): paragraphs, `code`, **bold**, lists and fenced code blocks.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  /** A fenced block: each non-empty line that is not a `#` comment is a command. */
  | { type: 'code'; lang: string; text: string; commands: string[] }

const LIST_ITEM = /^\s*(?:([-*])|(\d+)[.)])\s+(.*)$/

/** Inline markup: `code` first (nothing inside it is markup), then **bold** around text and code. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = []
  const pushText = (text: string, into: Inline[]) => {
    if (!text) return
    const last = into[into.length - 1]
    if (last?.type === 'text') last.text += text
    else into.push({ type: 'text', text })
  }
  const codeAndText = (s: string, into: Inline[]) => {
    let i = 0
    while (i < s.length) {
      const open = s.indexOf('`', i)
      const close = open < 0 ? -1 : s.indexOf('`', open + 1)
      if (open < 0 || close < 0) {
        pushText(s.slice(i), into)
        return
      }
      pushText(s.slice(i, open), into)
      into.push({ type: 'code', text: s.slice(open + 1, close) })
      i = close + 1
    }
  }
  let i = 0
  while (i < src.length) {
    const open = findBold(src, i)
    const close = open < 0 ? -1 : findBold(src, open + 2)
    if (open < 0 || close < 0 || close === open + 2) {
      codeAndText(src.slice(i), out)
      break
    }
    codeAndText(src.slice(i, open), out)
    const children: Inline[] = []
    codeAndText(src.slice(open + 2, close), children)
    out.push({ type: 'strong', children })
    i = close + 2
  }
  return out
}

/** The next `**` at or after `from` that is not inside a `code` span. */
function findBold(s: string, from: number): number {
  let inCode = false
  for (let i = 0; i < s.length - 1; i++) {
    if (s[i] === '`') inCode = !inCode
    else if (!inCode && i >= from && s[i] === '*' && s[i + 1] === '*') return i
  }
  return -1
}

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let para: string[] = []
  let list: { ordered: boolean; items: string[] } | undefined
  const flush = () => {
    if (para.length) blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) })
    para = []
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) })
    list = undefined
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const fence = /^\s*```\s*([\w-]*)\s*$/.exec(line)
    if (fence) {
      flush()
      const body: string[] = []
      for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i])
      const text = body.join('\n')
      blocks.push({ type: 'code', lang: fence[1], text, commands: body.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')) })
      continue
    }
    if (line.trim() === '') {
      flush()
      continue
    }
    const item = LIST_ITEM.exec(line)
    if (item && para.length === 0) {
      const ordered = item[2] !== undefined
      if (list && list.ordered !== ordered) flush()
      list ??= { ordered, items: [] }
      list.items.push(item[3].trim())
      continue
    }
    if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`
      continue
    }
    if (list) flush()
    para.push(line.trim())
  }
  flush()
  return blocks
}

/** Every command of a text's fenced code blocks, in order (what the Run buttons run). */
export function commandsOf(src: string): string[] {
  return parseMarkdown(src).flatMap((b) => (b.type === 'code' ? b.commands : []))
}

const inlineText = (xs: Inline[]): string => xs.map((x) => (x.type === 'strong' ? inlineText(x.children) : x.text)).join('')

/** Word-wrap one paragraph at `width` columns (words longer than a line stay whole). */
function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      out.push(indent + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) out.push(indent + line)
  return out
}

/** The prose as terminal text: wrapped paragraphs, `  * ` list items, commands as `  $ cmd`. */
export function toPlainText(blocks: Block[], width = 80): string {
  const parts = blocks.map((b) => {
    if (b.type === 'paragraph') return wrap(inlineText(b.children), width).join('\n')
    if (b.type === 'list') {
      return b.items
        .map((it, n) => {
          const mark = b.ordered ? `${n + 1}. ` : '* '
          const [first, ...rest] = wrap(inlineText(it), width, '    ')
          return [`  ${mark}${first.trimStart()}`, ...rest].join('\n')
        })
        .join('\n')
    }
    return b.text.split('\n').map((l) => (l.trim() === '' ? '' : l.trim().startsWith('#') ? `  ${l.trim()}` : `  $ ${l.trim()}`)).join('\n')
  })
  return parts.join('\n\n')
}
