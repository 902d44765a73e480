import { describe, expect, it } from 'vitest'
import { codeSpans } from './codeSpans'

describe('codeSpans', () => {
  it('marks backticked parts as code', () => {
    expect(codeSpans('`python:latest` uses the moving `latest` tag')).toEqual([
      { text: 'python:latest', code: true },
      { text: ' uses the moving ', code: false },
      { text: 'latest', code: true },
      { text: ' tag', code: false },
    ])
  })

  it('leaves plain text and an unmatched backtick alone', () => {
    expect(codeSpans('no code here')).toEqual([{ text: 'no code here', code: false }])
    expect(codeSpans('a ` b')).toEqual([{ text: 'a ` b', code: false }])
  })
})
