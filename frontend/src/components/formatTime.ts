import type { Language } from '../i18n'

const FORMATS = {
  date: { dateStyle: 'medium' },
  'date-time': { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

export type TimeFormat = keyof typeof FORMATS

/** A moment the API gave (ISO 8601) as text in `language`; the text as is when it is not a date. */
export function formatTime(value: string, language: Language, format: TimeFormat = 'date-time'): string {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(language, FORMATS[format]).format(date)
}
