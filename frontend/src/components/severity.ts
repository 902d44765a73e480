import type { Severity } from '../api/types'
import { t } from '../i18n'

/** Each severity's name, read when drawn (in the language of the moment), most severe first. */
export const SEVERITY_LABELS: Record<Severity, () => string> = {
  error: () => t('Error'),
  warning: () => t('Warning'),
  info: () => t('Info'),
  style: () => t('Style'),
}

const COUNTS: Record<Severity, (count: number) => string> = {
  error: (count) => (count === 1 ? t('1 error') : t('{{count}} errors', { count })),
  warning: (count) => (count === 1 ? t('1 warning') : t('{{count}} warnings', { count })),
  info: (count) => t('{{count}} info', { count }),
  style: (count) => (count === 1 ? t('1 style note') : t('{{count}} style notes', { count })),
}

/** "3 warnings", "1 style note": a number of findings of one severity. */
export function severityCount(severity: Severity, count: number): string {
  return COUNTS[severity](count)
}
