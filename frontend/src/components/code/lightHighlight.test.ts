import { describe, expect, it } from 'vitest'
import { highlightLines } from './lightHighlight'

const classesOf = (code: string, kind: 'dockerfile' | 'compose') =>
  highlightLines(code, kind).map((line) => line.filter((t) => t.className).map((t) => [t.text, t.className]))

describe('highlightLines', () => {
  it('colours Dockerfile instructions, strings, variables, flags and comments, keeping every character', () => {
    const code = 'FROM python:3.12-slim AS build\n# a note\nRUN --mount=type=cache echo "$HOME" \\\n    && run ${X}\n'
    const lines = highlightLines(code, 'dockerfile')
    expect(lines.map((line) => line.map((t) => t.text).join('')).join('\n')).toBe(code)
    expect(classesOf(code, 'dockerfile')).toEqual([
      [['FROM', 'tok-keyword'], ['3.12', 'tok-number']],
      [['# a note', 'tok-comment']],
      [['RUN', 'tok-keyword'], ['--mount', 'tok-propertyName'], ['"$HOME"', 'tok-string']],
      // A continuation line is not an instruction, even when it starts with one's name.
      [['${X}', 'tok-variableName']],
      [],
    ])
  })

  it('colours YAML keys, strings, booleans and numbers', () => {
    expect(classesOf('services:\n  web:\n    ports: ["80:80"]\n    privileged: true # no\n', 'compose')).toEqual([
      [['services', 'tok-propertyName'], [':', 'tok-punctuation']],
      [['web', 'tok-propertyName'], [':', 'tok-punctuation']],
      [['ports', 'tok-propertyName'], [':', 'tok-punctuation'], ['"80:80"', 'tok-string']],
      [['privileged', 'tok-propertyName'], [':', 'tok-punctuation'], ['true', 'tok-bool'], ['# no', 'tok-comment']],
      [],
    ])
  })
})
