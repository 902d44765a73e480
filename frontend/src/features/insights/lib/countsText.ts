import type { Severity } from '../../../api/types'
import type { t as translate } from '../../../i18n'

/** Counts by severity in words, for screen readers and tooltips: "2 errors, 1 warning, 0 info, 0 style". */
export function countsText(counts: Record<Severity, number>, t: typeof translate): string {
  return [
    counts.error === 1 ? t('1 error') : t('{{count}} errors', { count: counts.error }),
    counts.warning === 1 ? t('1 warning') : t('{{count}} warnings', { count: counts.warning }),
    t('{{count}} info', { count: counts.info }),
    t('{{count}} style', { count: counts.style }),
  ].join(t(', '))
}
