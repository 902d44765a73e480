import type { Severity } from '../api/types'
import { t, useTranslation } from '../i18n'
import './SeverityCounts.css'

const ORDER: Severity[] = ['error', 'warning', 'info', 'style']

/** "3 warnings": how many findings of a severity, in the reader's language. */
function countText(severity: Severity, count: number): string {
  if (severity === 'error') return count === 1 ? t('1 error') : t('{{count}} errors', { count })
  if (severity === 'warning') return count === 1 ? t('1 warning') : t('{{count}} warnings', { count })
  if (severity === 'info') return t('{{count}} info', { count })
  return count === 1 ? t('1 style note') : t('{{count}} style notes', { count })
}

/** Finding counts (of an analysis, a scan) as small badges, one per severity that occurs. */
export function SeverityCounts({ counts }: { counts: Partial<Record<Severity, number>> }) {
  useTranslation() // renders again in another language
  const present = ORDER.filter((severity) => (counts[severity] ?? 0) > 0)
  if (present.length === 0) return <span className="count-badge count-badge--clean">{t('No findings')}</span>
  return (
    <span className="severity-counts">
      {present.map((severity) => (
        <span key={severity} className={`count-badge count-badge--${severity}`}>
          {countText(severity, counts[severity] ?? 0)}
        </span>
      ))}
    </span>
  )
}
