import { describe, expect, it } from 'vitest'
import { plainText, textSpans } from './textSpans'

describe('textSpans', () => {
  it('marks backticked parts as code', () => {
    expect(textSpans('`python:latest` uses the moving `latest` tag')).toEqual([
      { kind: 'code', text: 'python:latest', full: 'python:latest' },
      { kind: 'text', text: ' uses the moving ' },
      { kind: 'code', text: 'latest', full: 'latest' },
      { kind: 'text', text: ' tag' },
    ])
  })

  it('leaves plain text alone', () => {
    expect(textSpans('no code here')).toEqual([{ kind: 'text', text: 'no code here' }])
  })

  it('runs a backtick left open to the end as code, never showing it', () => {
    expect(textSpans('installs `curl wget…')).toEqual([
      { kind: 'text', text: 'installs ' },
      { kind: 'code', text: 'curl wget…', full: 'curl wget…' },
    ])
  })

  it('shortens a long quoted token to its ends', () => {
    const token = 'a'.repeat(40) + 'b'.repeat(40)
    const [span] = textSpans(`\`${token}\``)
    expect(span).toEqual({ kind: 'code', text: `${'a'.repeat(28)}…${'b'.repeat(28)}`, full: token })
  })

  it('turns a URL in brackets into a link without the closing bracket', () => {
    expect(textSpans('Python 3.8 reached its end of life on 2024-10-07 (https://endoflife.date/python)')).toEqual([
      { kind: 'text', text: 'Python 3.8 reached its end of life on 2024-10-07 (' },
      { kind: 'link', text: 'endoflife.date/python', href: 'https://endoflife.date/python' },
      { kind: 'text', text: ')' },
    ])
  })

  it("keeps a URL's own brackets and drops sentence punctuation", () => {
    expect(textSpans('see https://en.wikipedia.org/wiki/Shell_(computing).')).toEqual([
      { kind: 'text', text: 'see ' },
      {
        kind: 'link',
        text: 'en.wikipedia.org/wiki/Shell_(computing)',
        href: 'https://en.wikipedia.org/wiki/Shell_(computing)',
      },
      { kind: 'text', text: '.' },
    ])
  })

  it('leaves a URL inside code as code', () => {
    expect(textSpans('`ADD https://x.example/a.tgz` downloads')).toEqual([
      { kind: 'code', text: 'ADD https://x.example/a.tgz', full: 'ADD https://x.example/a.tgz' },
      { kind: 'text', text: ' downloads' },
    ])
  })
})

describe('plainText', () => {
  it('drops the backticks', () => {
    expect(plainText('`latest` moves')).toBe('latest moves')
  })
})
