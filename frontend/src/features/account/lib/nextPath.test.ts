import { describe, expect, it } from 'vitest'
import { nextPath } from './nextPath'

describe('nextPath', () => {
  it.each([
    ['/a/Abc123', '/a/Abc123'],
    ['/history?page=2', '/history?page=2'],
    ['/', '/'],
  ])('keeps the path %s on this site', (next, expected) => {
    expect(nextPath(next)).toBe(expected)
  })

  it.each([null, '', 'history', '//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/signin'])(
    'falls back to the history for %s',
    (next) => {
      expect(nextPath(next)).toBe('/history')
    },
  )
})
