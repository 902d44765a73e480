import { useState } from 'react'
import { ErrorNotice } from '../../../components/Notice'
import { useTranslation } from '../../../i18n'

interface ShareButtonProps {
  onShare: () => Promise<void>
  disabled: boolean
}

/** Stores the text being edited and gives it a link: the only way anything typed here is kept. */
export function ShareButton({ onShare, disabled }: ShareButtonProps) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ status: 'idle' | 'sharing' } | { status: 'error'; error: unknown }>({
    status: 'idle',
  })
  async function share() {
    setState({ status: 'sharing' })
    try {
      await onShare()
      setState({ status: 'idle' })
    } catch (error) {
      setState({ status: 'error', error })
    }
  }
  return (
    <span className="share-button">
      <button
        type="button"
        className="button button--small"
        onClick={share}
        disabled={disabled || state.status === 'sharing'}
        title={t('Store this file and get a link to it')}
      >
        <ShareIcon />
        {state.status === 'sharing' ? t('Sharing…') : t('Share')}
      </button>
      {state.status === 'error' && <ErrorNotice error={state.error} />}
    </span>
  )
}

export function ShareIcon() {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
      <path
        fill="currentColor"
        d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2 2-1.4-1.4 2-2a1 1 0 1 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2-2 1.4 1.4-2 2a1 1 0 1 0 1.4 1.4l3.5-3.5a1 1 0 0 1 1.4 0z"
      />
    </svg>
  )
}
