// A lesson's prose, from the markdown tree (src/lessons/markdown.ts) to React elements: text is
// always text, never HTML. A code block's commands each get a Run button.

import type { Block, Inline } from '../../lessons/markdown'

function Inlines({ items }: { items: readonly Inline[] }) {
  return (
    <>
      {items.map((x, i) =>
        x.type === 'text' ? (
          <span key={i}>{x.text}</span>
        ) : x.type === 'code' ? (
          <code key={i}>{x.text}</code>
        ) : (
          <strong key={i}>
            <Inlines items={x.children} />
          </strong>
        ),
      )}
    </>
  )
}

interface Props {
  blocks: readonly Block[]
  /** Run a command of a code block; without it, commands are shown without buttons. */
  onRun?: (command: string) => void
  /** Disable the Run buttons (the lab has not started). */
  disabled?: boolean
}

export function Prose({ blocks, onRun, disabled }: Props) {
  return (
    <div className="lesson-prose">
      {blocks.map((b, i) => {
        if (b.type === 'paragraph') {
          return (
            <p key={i}>
              <Inlines items={b.children} />
            </p>
          )
        }
        if (b.type === 'list') {
          const items = b.items.map((it, j) => (
            <li key={j}>
              <Inlines items={it} />
            </li>
          ))
          return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>
        }
        return (
          <div key={i} className="lesson-code">
            {b.text.split('\n').map((line, j) => {
              const cmd = line.trim()
              const runnable = onRun && cmd !== '' && !cmd.startsWith('#')
              return (
                <div key={j} className="lesson-code-line">
                  <pre>
                    <code>{line}</code>
                  </pre>
                  {runnable && (
                    <button type="button" className="lesson-run" aria-label={`Run ${cmd}`} disabled={disabled} onClick={() => onRun(cmd)}>
                      Run
                    </button>
                  )}
                </div>
              )
            })}
          </div>
        )
      })}
    </div>
  )
}
