/**
 * The web app in English or Simplified Chinese. English is the source: a text's key is its English wording
 * (`t('Rules')`, `t('{{count}} findings', { count })`), so English needs neither a bundle nor a library and the
 * editor page stays within its budget. Chinese (./switch) loads i18next and the Chinese texts
 * (locales/zh-Hans/, one file per feature) on demand. The language is the one chosen in the header (remembered), else the
 * browser's first language we have; the server is told too (Django's language cookie, set by ./switch), and
 * translates rule texts, findings and errors.
 */
import { createElement, Fragment, useSyncExternalStore, type ReactNode } from 'react'

export type Language = 'en' | 'zh-Hans'
export type Values = Record<string, string | number>
interface Translator {
  t(key: string, values: Values): string
}

export const LANGUAGES: ReadonlyArray<{ code: Language; label: string }> = [
  { code: 'en', label: 'English' },
  { code: 'zh-Hans', label: '简体中文' },
]
const STORAGE_KEY = 'dockwright.language'

let language: Language = 'en'
let translator: Translator | null = null
const listeners = new Set<() => void>()

/** The language we have for a BCP 47 tag: any Chinese not written in traditional characters is zh-Hans. */
export function languageOf(tag: string | null | undefined): Language | null {
  const lower = (tag ?? '').toLowerCase()
  if (/^zh([-_]|$)/.test(lower)) return /^zh[-_](hant|tw|hk|mo)\b/.test(lower) ? null : 'zh-Hans'
  return /^en([-_]|$)/.test(lower) ? 'en' : null
}

export function currentLanguage(): Language {
  return language
}

/** `key` (an English text) in the current language, with `{{name}}` fields filled in. */
export function t(key: string, values: Values = {}): string {
  if (translator) return translator.t(key, values)
  return key.replace(/\{\{(\w+)\}\}/g, (field, name: string) => String(values[name] ?? field))
}

// Marks where an element goes in a translated text; no translation holds it.
const SLOT = '\u0001'

/** `key` in the current language with elements in its fields, for a sentence holding a link or code:
 * `tNodes('{{editor}} or {{rules}}.', { editor: <Link…/>, rules: <Link…/> })`. The translation may move them. */
export function tNodes(key: string, nodes: Record<string, ReactNode>): ReactNode[] {
  const slots = Object.fromEntries(Object.keys(nodes).map((name) => [name, `${SLOT}${name}${SLOT}`]))
  return t(key, slots)
    .split(new RegExp(`${SLOT}(\\w+)${SLOT}`))
    .map((part, index) => createElement(Fragment, { key: index }, index % 2 === 1 ? nodes[part] : part))
}

/** `t` and the current language; the component renders again when the language changes. */
export function useTranslation(): { t: typeof t; language: Language } {
  return { t, language: useSyncExternalStore(subscribe, currentLanguage) }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function activate(lang: Language, texts: Translator | null): void {
  language = lang
  translator = texts
  document.documentElement.lang = lang
  for (const listener of listeners) listener()
}

/** Switches the app and what the server says to `lang`, remembered; loads what it needs first. */
export async function setLanguage(lang: Language): Promise<void> {
  await switchTo(lang, true)
}

async function switchTo(lang: Language, remember: boolean): Promise<void> {
  const loader = await import('./switch')
  const texts = await loader.translator(lang)
  // The server is told first: what the app asks for again in the new language must come back in it.
  loader.remember(lang, remember ? STORAGE_KEY : null)
  activate(lang, texts)
}

/** Ready to render: in the remembered language, else the browser's first one we have (English if its texts
 * cannot be loaded, e.g. offline). */
export async function initI18n(): Promise<void> {
  try {
    const detected = [localStorage.getItem(STORAGE_KEY), ...navigator.languages].map(languageOf).find(Boolean)
    if (detected === 'zh-Hans') await switchTo(detected, false)
  } catch {
    // Storage refused (private mode) or the texts could not be loaded (offline): the app stays in English.
  }
}
