import { useEffect, useId, useState } from 'react'
import type { Analysis } from '../../../api/types'
import { ConfirmAction } from '../../../components/ConfirmAction'
import { ErrorNotice } from '../../../components/Notice'
import { useTranslation } from '../../../i18n'

interface SharedLinkProps {
  analysis: Analysis
  onDelete: () => Promise<void>
}

/** The link of a shared analysis, what sharing means, and (for its owner) a way to take it back. */
export default function SharedLink({ analysis, onDelete }: SharedLinkProps) {
  const { t, language } = useTranslation()
  const inputId = useId()
  const url = new URL(analysis.url, window.location.origin).toString()
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  const [deletion, setDeletion] = useState<
    { status: 'idle' | 'confirming' | 'deleting' } | { status: 'error'; error: unknown }
  >({ status: 'idle' })

  useEffect(() => {
    if (copy !== 'copied') return
    const timer = setTimeout(() => setCopy('idle'), 2000)
    return () => clearTimeout(timer)
  }, [copy])

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url)
      setCopy('copied')
    } catch {
      // The link is selectable in the field beside the button.
      setCopy('failed')
    }
  }

  async function remove() {
    setDeletion({ status: 'deleting' })
    try {
      await onDelete()
    } catch (error) {
      setDeletion({ status: 'error', error })
    }
  }

  const expires = analysis.expires_at ? new Date(analysis.expires_at) : null
  return (
    <section className="shared-link" aria-label={t('Shared link')}>
      <p className="shared-link__warning">
        <strong>{t('Anyone with this link can read this file.')}</strong>{' '}
        {expires && !Number.isNaN(expires.getTime())
          ? t('The link stops working on {{date}}.', {
              date: new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(expires),
            })
          : analysis.can_delete
            ? t('It is kept in your history until you delete it.')
            : ''}
      </p>
      <div className="shared-link__row">
        <label htmlFor={inputId} className="visually-hidden">
          {t('Link to this analysis')}
        </label>
        <input
          id={inputId}
          className="shared-link__url"
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--small" onClick={copyLink}>
          {copy === 'copied' ? t('Link copied') : t('Copy link')}
        </button>
        {analysis.can_delete && deletion.status !== 'confirming' && (
          <button
            type="button"
            className="button button--small button--danger"
            disabled={deletion.status === 'deleting'}
            onClick={() => setDeletion({ status: 'confirming' })}
          >
            {t('Delete')}
          </button>
        )}
        {deletion.status === 'confirming' && (
          <ConfirmAction
            label={t('Delete this analysis?')}
            question={t('Delete it? The link stops working.')}
            confirmLabel={t('Delete')}
            onConfirm={remove}
            onCancel={() => setDeletion({ status: 'idle' })}
          />
        )}
      </div>
      <span className="visually-hidden" aria-live="polite">
        {copy === 'copied'
          ? t('Link copied to the clipboard')
          : copy === 'failed'
            ? t('Copy the link from the field')
            : ''}
      </span>
      {deletion.status === 'error' && <ErrorNotice error={deletion.error} />}
    </section>
  )
}
