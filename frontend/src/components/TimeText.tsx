import { useTranslation } from '../i18n'

const FORMATS = {
  date: { dateStyle: 'medium' },
  'date-time': { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

/** A moment the API gave (ISO 8601), in the reader's language; the text as is when it is not a date. */
export function TimeText({ value, format = 'date-time' }: { value: string; format?: keyof typeof FORMATS }) {
  const { language } = useTranslation()
  const date = new Date(value)
  const text = Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(language, FORMATS[format]).format(date)
  return <time dateTime={value}>{text}</time>
}
