import { Text } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { fixChanges, offsetAt, positionOf, rangeAt } from './positions'

const doc = Text.of(['FROM python:latest', 'RUN echo 🐳 done', ''])

describe('offsetAt', () => {
  it('maps 1-based lines and columns to offsets', () => {
    expect(offsetAt(doc, 1, 1)).toBe(0)
    expect(offsetAt(doc, 1, 6)).toBe(5)
    expect(offsetAt(doc, 2, 1)).toBe(19)
  })

  it('counts a character outside the BMP as one column', () => {
    // "RUN echo 🐳 done": column 12 is the "d" after the whale and a space.
    expect(doc.sliceString(offsetAt(doc, 2, 12), offsetAt(doc, 2, 16))).toBe('done')
  })

  it('clamps positions past the end of a line or of the document', () => {
    expect(offsetAt(doc, 1, 99)).toBe(18)
    expect(offsetAt(doc, 9, 1)).toBe(doc.length)
    expect(offsetAt(doc, 0, 5)).toBe(0)
  })
})

describe('rangeAt', () => {
  it('covers exactly the finding, end column exclusive', () => {
    const { from, to } = rangeAt(doc, { line: 1, column: 6, end_line: 1, end_column: 19 })
    expect(doc.sliceString(from, to)).toBe('python:latest')
  })

  it('never ends before it starts', () => {
    expect(rangeAt(doc, { line: 2, column: 5, end_line: 1, end_column: 1 })).toEqual({ from: 23, to: 23 })
  })
})

describe('positionOf', () => {
  it('reports the line and character column of an offset', () => {
    expect(positionOf(doc, offsetAt(doc, 2, 12))).toEqual({ line: 2, column: 12 })
  })
})

describe('fixChanges', () => {
  it('turns edits into changes sorted by position', () => {
    const changes = fixChanges(doc, {
      title: 'Pin',
      safe: true,
      edits: [
        { line: 2, column: 1, end_line: 2, end_column: 4, replacement: 'RUN' },
        { line: 1, column: 13, end_line: 1, end_column: 19, replacement: '3.12-slim' },
      ],
    })
    expect(changes).toEqual([
      { from: 12, to: 18, insert: '3.12-slim' },
      { from: 19, to: 22, insert: 'RUN' },
    ])
  })
})
