import type { Severity } from '../api/types'
import { SEVERITY_LABELS } from './severity'
import './SeverityBadge.css'

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`severity-badge severity-badge--${severity}`}>{SEVERITY_LABELS[severity]()}</span>
}
