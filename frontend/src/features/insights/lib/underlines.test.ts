import { describe, expect, it } from 'vitest'
import { underlinedLines, type Range, type Segment } from './underlines'

const range = (line: number, column: number, end_line: number, end_column: number, severity: Range['severity'] = 'warning') => ({
  severity,
  line,
  column,
  end_line,
  end_column,
})

/** A line as text with the underlined parts in brackets, marked by the first letter of their severity (adjacent
 * segments of one severity, split only by the highlighting, as one). */
function marked(segments: Segment[]): string {
  let text = ''
  let open: Segment['severity'] = null
  for (const segment of segments) {
    if (segment.severity !== open) {
      if (open) text += ']'
      if (segment.severity) text += `[${segment.severity[0]}:`
      open = segment.severity
    }
    text += segment.text
  }
  return open ? `${text}]` : text
}

describe('underlinedLines', () => {
  it('underlines the exact columns of a finding and keeps the highlighting', () => {
    const lines = underlinedLines('FROM python:latest\nRUN cd /app\n', 'dockerfile', [range(1, 6, 1, 19)])
    expect(marked(lines[0]!)).toBe('FROM [w:python:latest]')
    expect(lines[0]![0]).toEqual({ text: 'FROM', className: 'tok-keyword', severity: null })
    expect(marked(lines[1]!)).toBe('RUN cd /app')
  })

  it('marks a finding spanning lines to the end of its first and from the start of its last', () => {
    const lines = underlinedLines('RUN a \\\n  && b\nCMD c', 'dockerfile', [range(1, 5, 2, 7, 'info')])
    expect(lines.map(marked)).toEqual(['RUN [i:a \\]', '[i:  && b]', 'CMD c'])
  })

  it('shows the most severe where findings overlap', () => {
    const [line] = underlinedLines('FROM node', 'dockerfile', [range(1, 1, 1, 10, 'style'), range(1, 6, 1, 10, 'error')])
    expect(marked(line!)).toBe('[s:FROM ][e:node]')
  })

  it('marks one character for an empty range and clamps ranges past the end', () => {
    const lines = underlinedLines('services:\n  web: {}', 'compose', [range(1, 1, 1, 1), range(2, 3, 9, 99, 'error')])
    expect(lines.map(marked)).toEqual(['[w:s]ervices:', '  [e:web: {}]'])
  })

  it('counts columns in characters, as the API does', () => {
    const [line] = underlinedLines('LABEL a="😀x"', 'dockerfile', [range(1, 11, 1, 12)])
    expect(marked(line!)).toBe('LABEL a="😀[w:x]"')
  })
})
