import { describe, expect, it } from 'vitest'
import merged from './locales/zh-Hans'

// The app's source files (tests and this folder excluded), as text.
const SOURCES = import.meta.glob<string>(
  ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**', '!./**'],
  { query: '?raw', import: 'default', eager: true },
)
// Each feature's Chinese texts, by file.
const FILES = import.meta.glob<Record<string, string>>('./locales/zh-Hans/*.json', { eager: true, import: 'default' })

// A call of t() or tNodes(), the way every text of the app is written (see ./index.ts); its key must be a
// literal string, so that this test can find it.
const CALL = /(?<![.\w$])(?:t|tNodes)\(\s*/g
const LITERAL = /^(['"])((?:\\.|(?!\1).)*)\1/

function calls(): { keys: Set<string>; dynamic: string[] } {
  const keys = new Set<string>()
  const dynamic: string[] = []
  for (const [path, source] of Object.entries(SOURCES)) {
    const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
    for (const call of code.matchAll(CALL)) {
      const rest = code.slice(call.index + call[0].length)
      const literal = LITERAL.exec(rest)
      if (literal) keys.add(literal[2]!.replace(/\\(.)/g, '$1'))
      else dynamic.push(`${path}: t(${rest.slice(0, 40)}`)
    }
  }
  return { keys, dynamic }
}

const fields = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('the Simplified Chinese texts', () => {
  const { keys, dynamic } = calls()
  const translations = merged

  it('finds the texts of the app', () => {
    expect(keys.size).toBeGreaterThan(5)
    expect(keys).toContain('Skip to content')
  })

  it('are asked for by their English wording, never through a variable the test cannot read', () => {
    expect(dynamic).toEqual([])
  })

  it('translate every text of the app', () => {
    expect([...keys].filter((key) => !translations[key]?.trim())).toEqual([])
  })

  it('keep the fields of each text', () => {
    expect([...keys].filter((key) => translations[key] && fields(key).join() !== fields(translations[key]).join())).toEqual(
      [],
    )
  })

  it('hold no text the app does not use', () => {
    expect(Object.keys(translations).filter((key) => !keys.has(key))).toEqual([])
  })

  it('say the same where two features translate the same text', () => {
    const seen = new Map<string, { file: string; text: string }>()
    const disagreements: string[] = []
    for (const [file, texts] of Object.entries(FILES)) {
      for (const [key, text] of Object.entries(texts)) {
        const earlier = seen.get(key)
        if (earlier && earlier.text !== text) disagreements.push(`${key}: ${earlier.file} and ${file}`)
        seen.set(key, { file, text })
      }
    }
    expect(Object.keys(FILES).length).toBeGreaterThan(1)
    expect(disagreements).toEqual([])
  })
})
