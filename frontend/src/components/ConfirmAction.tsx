import { useTranslation } from '../i18n'

interface ConfirmActionProps {
  /** The group's name for assistive technology, a question ("Delete this analysis?"). */
  label: string
  question: string
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
}

/** The second step of a destructive action: says what will happen, then does it or keeps things as they are. */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, onCancel }: ConfirmActionProps) {
  const { t } = useTranslation()
  return (
    <span className="confirm-action" role="group" aria-label={label}>
      <span>{question}</span>
      <button type="button" className="button button--small button--danger" onClick={onConfirm} autoFocus>
        {confirmLabel}
      </button>
      <button type="button" className="button button--small" onClick={onCancel}>
        {t('Keep')}
      </button>
    </span>
  )
}
