import type { Kind } from '../../../api/types'
import { useTranslation } from '../../../i18n'
import type { KindSource } from '../lib/detectKind'
import './KindSwitch.css'

const KIND_LABELS: Record<Kind, string> = { dockerfile: 'Dockerfile', compose: 'Compose' }

interface KindSwitchProps {
  kind: Kind
  /** How the current kind was decided: detected from the name or content, or chosen by the user. */
  source: KindSource | 'chosen'
  onChoose: (kind: Kind) => void
  onDetect: () => void
}

export function KindSwitch({ kind, source, onChoose, onDetect }: KindSwitchProps) {
  const { t } = useTranslation()
  return (
    <fieldset className="kind-switch">
      <legend className="visually-hidden">{t('File type')}</legend>
      <div className="kind-switch__options">
        {(Object.keys(KIND_LABELS) as Kind[]).map((option) => (
          <label key={option} className="kind-switch__option">
            <input
              type="radio"
              name="kind"
              value={option}
              checked={kind === option}
              onChange={() => onChoose(option)}
            />
            <span>{KIND_LABELS[option]}</span>
          </label>
        ))}
      </div>
      <span className="kind-switch__hint">
        {source === 'chosen' ? (
          <button type="button" className="kind-switch__detect" onClick={onDetect}>
            {t('Detect automatically')}
          </button>
        ) : (
          source === 'filename' ? t('detected from file name') : t('detected from content')
        )}
      </span>
    </fieldset>
  )
}
