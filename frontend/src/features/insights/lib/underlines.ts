import type { Kind, Severity } from '../../../api/types'
import { highlightLines } from '../../../components/code/lightHighlight'

/** A piece of a line: highlighted as the rule pages highlight code, underlined when a finding points at it. */
export interface Segment {
  text: string
  className: string
  /** The most severe finding whose range covers it; null when none does. */
  severity: Severity | null
}

export interface Range {
  severity: Severity
  line: number
  column: number
  end_line: number
  end_column: number
}

const RANK: Record<Severity, number> = { style: 1, info: 2, warning: 3, error: 4 }
const BY_RANK: Severity[] = ['style', 'info', 'warning', 'error']

/**
 * The lines of `code` as segments, with the ranges of `findings` underlined as the editor underlines them. Ranges
 * are the API's: 1-based lines and columns counted in characters (code points), the end column exclusive; an
 * empty range marks the one character it starts at, and positions past a line's end are clamped to it.
 */
export function underlinedLines(code: string, kind: Kind, findings: readonly Range[]): Segment[][] {
  const lines = highlightLines(code, kind)
  const marks = lineMarks(code.split('\n'), findings)
  return lines.map((tokens, index) => {
    const ranks = marks.get(index + 1)
    if (!ranks) return tokens.map((token) => ({ ...token, severity: null }))
    const segments: Segment[] = []
    let offset = 0
    for (const token of tokens) {
      let start = 0
      for (let i = 1; i <= token.text.length; i++) {
        if (i === token.text.length || ranks[offset + i] !== ranks[offset + start]) {
          const rank = ranks[offset + start] ?? 0
          const severity = BY_RANK[rank - 1] ?? null
          segments.push({ text: token.text.slice(start, i), className: token.className, severity })
          start = i
        }
      }
      offset += token.text.length
    }
    return segments
  })
}

/** For each line with findings, the severity rank covering each of its UTF-16 positions. */
function lineMarks(lines: string[], findings: readonly Range[]): Map<number, number[]> {
  const marks = new Map<number, number[]>()
  for (const finding of findings) {
    const last = Math.min(Math.max(finding.end_line, finding.line), lines.length)
    for (let line = Math.max(finding.line, 1); line <= last; line++) {
      const text = lines[line - 1] ?? ''
      const from = line === finding.line ? utf16Offset(text, finding.column) : 0
      let to = line === finding.end_line ? utf16Offset(text, finding.end_column) : text.length
      if (to <= from) to = Math.min(from + 1, Math.max(text.length, from + 1))
      const ranks = marks.get(line) ?? new Array<number>(text.length + 1).fill(0)
      for (let i = from; i < Math.min(to, text.length); i++) ranks[i] = Math.max(ranks[i] ?? 0, RANK[finding.severity])
      marks.set(line, ranks)
    }
  }
  return marks
}

/** The UTF-16 offset of a 1-based character column, clamped to the line. */
function utf16Offset(text: string, column: number): number {
  let offset = 0
  for (let character = 1; character < column && offset < text.length; character++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1
  }
  return offset
}
