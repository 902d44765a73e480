import type { ChangeSpec, Text } from '@codemirror/state'
import type { FindingFix } from '../../../../api/types'

/*
 * The API speaks SARIF positions: 1-based lines and columns counted in characters (Python code points),
 * end column exclusive. CodeMirror speaks 0-based UTF-16 offsets. Out-of-range positions are clamped so
 * a finding about a trailing newline or a missing line still lands somewhere sensible.
 */

export interface SourceRange {
  line: number
  column: number
  end_line: number
  end_column: number
}

export function offsetAt(doc: Text, line: number, column: number): number {
  if (line < 1) return 0
  if (line > doc.lines) return doc.length
  const { from, text } = doc.line(line)
  let offset = 0
  for (let character = 1; character < column && offset < text.length; character++) {
    const codePoint = text.codePointAt(offset) ?? 0
    offset += codePoint > 0xffff ? 2 : 1
  }
  return from + offset
}

export function rangeAt(doc: Text, range: SourceRange): { from: number; to: number } {
  const from = offsetAt(doc, range.line, range.column)
  const to = offsetAt(doc, range.end_line, range.end_column)
  return { from, to: Math.max(from, to) }
}

/** The 1-based line and character column of an offset, for the status bar. */
export function positionOf(doc: Text, offset: number): { line: number; column: number } {
  const line = doc.lineAt(offset)
  return { line: line.number, column: [...line.text.slice(0, offset - line.from)].length + 1 }
}

/** A fix's edits as one CodeMirror change set; all edits refer to the analysed text, as CodeMirror expects. */
export function fixChanges(doc: Text, fix: FindingFix): ChangeSpec[] {
  return fix.edits
    .map((edit) => ({ ...rangeAt(doc, edit), insert: edit.replacement }))
    .sort((a, b) => a.from - b.from)
}
