import type { Severity } from '../../../api/types'
import { useTranslation } from '../../../i18n'
import type { SeverityCounts } from '../api/insights'

const ORDER: Severity[] = ['error', 'warning', 'info', 'style']

/** Finding counts as small badges, one per severity that occurs, or "No findings". */
export function CountBadges({ counts }: { counts: SeverityCounts }) {
  const { t } = useTranslation()
  const present = ORDER.filter((severity) => counts[severity] > 0)
  if (present.length === 0) return <span className="insights-count insights-count--clean">{t('No findings')}</span>
  const text: Record<Severity, (count: number) => string> = {
    error: (count) => (count === 1 ? t('1 error') : t('{{count}} errors', { count })),
    warning: (count) => (count === 1 ? t('1 warning') : t('{{count}} warnings', { count })),
    info: (count) => t('{{count}} info', { count }),
    style: (count) => t('{{count}} style', { count }),
  }
  return (
    <span className="insights-counts">
      {present.map((severity) => (
        <span key={severity} className={`insights-count insights-count--${severity}`}>
          {text[severity](counts[severity])}
        </span>
      ))}
    </span>
  )
}
