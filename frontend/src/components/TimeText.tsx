import { useTranslation } from '../i18n'
import { formatTime, type TimeFormat } from './formatTime'

/** A moment the API gave, in the reader's language. */
export function TimeText({ value, format = 'date-time' }: { value: string; format?: TimeFormat }) {
  const { language } = useTranslation()
  return <time dateTime={value}>{formatTime(value, language, format)}</time>
}
