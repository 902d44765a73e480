import type { Severity } from '../../../api/types'
import { t, useTranslation } from '../../../i18n'
import '../../../components/SeverityBadge.css'

const NAMES: Record<Severity, () => string> = {
  error: () => t('Error'),
  warning: () => t('Warning'),
  info: () => t('Info'),
  style: () => t('Style'),
}

/** A severity as a small coloured label, in the reader's language. */
export function SeverityTag({ severity }: { severity: Severity }) {
  useTranslation()
  return <span className={`severity-badge severity-badge--${severity}`}>{NAMES[severity]()}</span>
}
