import type { ReactNode } from 'react'
import { ApiError } from '../api/client'
import { t, useTranslation } from '../i18n'
import './Notice.css'

interface NoticeProps {
  tone: 'error' | 'warning' | 'info'
  title?: string
  children: ReactNode
  action?: ReactNode
}

/** A boxed message; errors are announced to screen readers as they appear. */
export function Notice({ tone, title, children, action }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice__body">
        {title && <p className="notice__title">{title}</p>}
        <div>{children}</div>
      </div>
      {action && <div className="notice__action">{action}</div>}
    </div>
  )
}

const TITLES: Record<ApiError['kind'], () => string> = {
  'bad-request': () => t('Dockwright could not analyse this'),
  forbidden: () => t('Not allowed'),
  'not-found': () => t('Not found'),
  gone: () => t('No longer available'),
  'too-large': () => t('This file is too large'),
  'rate-limited': () => t('Slow down a little'),
  server: () => t('Something went wrong on the server'),
  offline: () => t('You seem to be offline'),
}

/** Shows any failure in plain words: the API's own message for 4xx answers, a friendly one otherwise. */
export function ErrorNotice({ error, action }: { error: unknown; action?: ReactNode }) {
  useTranslation() // drawn again in another language
  if (!(error instanceof ApiError)) {
    return (
      <Notice tone="error" title={t('Something went wrong')} action={action}>
        <p>{error instanceof Error ? error.message : t('An unexpected error happened.')}</p>
      </Notice>
    )
  }
  const tone = error.kind === 'rate-limited' ? 'warning' : 'error'
  return (
    <Notice tone={tone} title={TITLES[error.kind]()} action={action}>
      <p>{error.message}</p>
      {error.kind === 'rate-limited' && error.retryAfter !== null && (
        <p>
          {error.retryAfter === 1
            ? t('You can try again in 1 second.')
            : t('You can try again in {{count}} seconds.', { count: error.retryAfter })}
        </p>
      )}
    </Notice>
  )
}
