import type { Severity } from '../api/types'
import { t, useTranslation } from '../i18n'
import { severityCount } from './severity'
import './SeverityCounts.css'

const ORDER: Severity[] = ['error', 'warning', 'info', 'style']

/** Finding counts (of an analysis, a scan) as small badges, one per severity that occurs. */
export function SeverityCounts({ counts }: { counts: Partial<Record<Severity, number>> }) {
  useTranslation() // renders again in another language
  const present = ORDER.filter((severity) => (counts[severity] ?? 0) > 0)
  if (present.length === 0) return <span className="count-badge count-badge--clean">{t('No findings')}</span>
  return (
    <span className="severity-counts">
      {present.map((severity) => (
        <span key={severity} className={`count-badge count-badge--${severity}`}>
          {severityCount(severity, counts[severity] ?? 0)}
        </span>
      ))}
    </span>
  )
}
