import type { ReactNode } from 'react'
import { ApiError } from '../api/client'
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

const TITLES: Record<ApiError['kind'], string> = {
  'bad-request': 'Dockwright could not analyse this',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  gone: 'No longer available',
  'too-large': 'This file is too large',
  'rate-limited': 'Slow down a little',
  server: 'Something went wrong on the server',
  offline: 'You seem to be offline',
}

/** Shows any failure in plain words: the API's own message for 4xx answers, a friendly one otherwise. */
export function ErrorNotice({ error, action }: { error: unknown; action?: ReactNode }) {
  if (!(error instanceof ApiError)) {
    return (
      <Notice tone="error" title="Something went wrong" action={action}>
        <p>{error instanceof Error ? error.message : 'An unexpected error happened.'}</p>
      </Notice>
    )
  }
  const tone = error.kind === 'rate-limited' ? 'warning' : 'error'
  return (
    <Notice tone={tone} title={TITLES[error.kind]} action={action}>
      <p>{error.message}</p>
      {error.kind === 'rate-limited' && error.retryAfter !== null && (
        <p>You can try again in {formatSeconds(error.retryAfter)}.</p>
      )}
    </Notice>
  )
}

function formatSeconds(seconds: number): string {
  return seconds === 1 ? '1 second' : `${seconds} seconds`
}
