import type { Severity } from '../../../api/types'
import './SeverityCounts.css'

const ORDER: Severity[] = ['error', 'warning', 'info', 'style']
const NOUNS: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  style: ['style note', 'style notes'],
}

/** An analysis's finding counts as small badges, one per severity that occurs. */
export function SeverityCounts({ counts }: { counts: Record<Severity, number> }) {
  const present = ORDER.filter((severity) => counts[severity] > 0)
  if (present.length === 0) return <span className="count-badge count-badge--clean">No findings</span>
  return (
    <span className="severity-counts">
      {present.map((severity) => (
        <span key={severity} className={`count-badge count-badge--${severity}`}>
          {counts[severity]} {NOUNS[severity][counts[severity] === 1 ? 0 : 1]}
        </span>
      ))}
    </span>
  )
}
