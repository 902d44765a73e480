import { useEffect, useId, useState } from 'react'
import { useTranslation } from '../i18n'
import './CopyField.css'

interface CopyFieldProps {
  /** The field's name for assistive technology ("Your new token"). */
  label: string
  value: string
}

/** A read-only value with a button that copies it; the field selects itself too, for when the clipboard is
 * refused. */
export function CopyField({ label, value }: CopyFieldProps) {
  const { t } = useTranslation()
  const inputId = useId()
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (copy !== 'copied') return
    const timer = setTimeout(() => setCopy('idle'), 2000)
    return () => clearTimeout(timer)
  }, [copy])

  async function copyValue() {
    try {
      await navigator.clipboard.writeText(value)
      setCopy('copied')
    } catch {
      setCopy('failed')
    }
  }

  return (
    <div className="copy-field">
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        id={inputId}
        className="copy-field__value"
        type="text"
        readOnly
        value={value}
        spellCheck={false}
        autoComplete="off"
        onFocus={(event) => event.currentTarget.select()}
      />
      <button type="button" className="button button--small" onClick={copyValue}>
        {copy === 'copied' ? t('Copied') : t('Copy')}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copy === 'copied' ? t('Copied to the clipboard') : copy === 'failed' ? t('Select the text in the field and copy it') : ''}
      </span>
    </div>
  )
}
