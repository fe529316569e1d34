// nano, vi, vim and edit: open a file of the home folder (new or existing) in the page's editor.
// As in a real terminal running vi, the command runs until the editor is saved or closed, and
// prints nothing. Without an attached editor (the transcript runner, Node tests) they say so and
// show how to write the file with a here-document instead.

import { parseAllDocuments } from 'yaml'
import type { CommandContext, CommandSpec, EditRequest } from '../types'
import { dirname } from '../fs'

/** What the commands print when the session has no editor (stderr; the command exits 1). */
export function noEditorMessage(name: string, file = 'FILE'): string {
  return (
    `${name}: no editor is attached in this session (the transcript runner and Node tests have none).\n` +
    `Write the file with a here-document instead, then check it:\n` +
    `  cat > ${file} <<'EOF'\n` +
    `  ...the text of the file...\n` +
    `  EOF\n` +
    `  cat ${file}\n`
  )
}

export function languageOf(path: string): EditRequest['language'] {
  if (/\.ya?ml$/i.test(path)) return 'yaml'
  if (/\.json$/i.test(path)) return 'json'
  return 'plaintext'
}

/** YAML syntax errors of a text, at their lines, to mark when the file opens. */
export function yamlMarkers(text: string): NonNullable<EditRequest['markers']> {
  const out: NonNullable<EditRequest['markers']> = []
  for (const doc of parseAllDocuments(text)) {
    for (const e of 'errors' in doc ? doc.errors : []) {
      out.push({ line: e.linePos?.[0]?.line ?? 1, message: e.message.split('\n')[0] })
    }
  }
  return out
}

/** The file operands: options (`-x`, `--long`) and vi's `+N` are accepted and ignored. */
const operands = (argv: string[]) => argv.filter((a) => !(a.length > 1 && (a.startsWith('-') || a.startsWith('+'))))

async function editFile(ctx: CommandContext, name: string, file: string): Promise<boolean> {
  const path = ctx.fs.resolve(file)
  if (ctx.fs.isDir(path)) {
    ctx.stderr(`${name}: ${file}: Is a directory\n`)
    return false
  }
  if (!ctx.fs.exists(path) && !ctx.fs.isDir(dirname(path))) {
    ctx.stderr(`${name}: ${file}: No such file or directory (the folder ${dirname(path)} does not exist)\n`)
    return false
  }
  const text = ctx.fs.readFile(path) ?? ''
  const language = languageOf(path)
  const markers = language === 'yaml' ? yamlMarkers(text) : []
  const saved = await ctx.lab.edit!({ path, text, language, title: `${name} ${file}`, ...(markers.length ? { markers } : {}) })
  if (saved === undefined) return true
  // nano and vim end a saved file with a newline.
  ctx.fs.writeFile(path, saved === '' || saved.endsWith('\n') ? saved : `${saved}\n`)
  return true
}

function editorCommand(name: string, summary: string): CommandSpec {
  return {
    name,
    summary,
    usage: `${name} FILE...`,
    async run(ctx) {
      const files = operands(ctx.argv.slice(1))
      if (!ctx.lab.edit) {
        ctx.stderr(noEditorMessage(name, files[0]))
        return 1
      }
      if (files.length === 0) {
        ctx.stderr(`${name}: name the file to edit, for example: ${name} sa.yaml\n`)
        return 1
      }
      let status = 0
      for (const f of files) if (!(await editFile(ctx, name, f))) status = 1
      return status
    },
  }
}

export const nano = editorCommand('nano', 'Edit a file in the lab\'s editor (Ctrl+S saves, Esc closes).')
export const vi = editorCommand('vi', 'Edit a file in the lab\'s editor (Ctrl+S saves, Esc closes).')
export const vim = editorCommand('vim', 'Edit a file in the lab\'s editor (Ctrl+S saves, Esc closes).')
export const edit = editorCommand('edit', 'Edit a file in the lab\'s editor (Ctrl+S saves, Esc closes).')
