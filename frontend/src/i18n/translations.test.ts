import { describe, expect, it } from 'vitest'
import chinese from './locales/zh-Hans.json'

// The app's source files (tests excluded), as text.
const SOURCES = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
})
// t('...') and t("...") with a literal key, the way every text of the app is written (see ./index.ts).
const CALL = /\bt\(\s*(['"])((?:\\.|(?!\1).)*)\1/g

// Keys passed to t() through a variable: the navigation's labels (components/Layout.tsx).
const KEYS_IN_VARIABLES = ['Editor', 'Rules', 'About']

function keysInSources(): Set<string> {
  const keys = new Set<string>(KEYS_IN_VARIABLES)
  for (const source of Object.values(SOURCES)) {
    const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
    for (const match of code.matchAll(CALL)) keys.add(match[2]!.replace(/\\(.)/g, '$1'))
  }
  return keys
}

const fields = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
const translations = chinese as Record<string, string>

describe('the Simplified Chinese texts', () => {
  const keys = keysInSources()

  it('finds the texts of the app', () => {
    expect(keys.size).toBeGreaterThan(5)
    expect(keys).toContain('Skip to content')
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
})
