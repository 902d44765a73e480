import type { ScanSummary } from '../../../api/types'
import { useTranslation } from '../../../i18n'

/** A scan's status as a short label. */
export function ScanStatus({ status }: { status: ScanSummary['status'] }) {
  const { t } = useTranslation()
  const label =
    status === 'done' ? t('Done') : status === 'failed' ? t('Failed') : status === 'running' ? t('Analysing') : t('Waiting')
  return <span className={`scan-status scan-status--${status}`}>{label}</span>
}
