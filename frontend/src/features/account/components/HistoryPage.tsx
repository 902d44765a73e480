import { useEffect, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../../../api/client'
import type { AnalysisSummary, Kind } from '../../../api/types'
import { ConfirmAction } from '../../../components/ConfirmAction'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { SeverityCounts } from '../../../components/SeverityCounts'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { t, tNodes, useTranslation } from '../../../i18n'
import { clearHistory, deleteHistoryEntry, listAnalyses } from '../api/history'
import { pageCount, pageFromParam } from '../lib/pagination'
import { useSession } from '../session/sessionContext'
import './HistoryPage.css'

const KIND_NAMES: Record<Kind, () => string> = { dockerfile: () => 'Dockerfile', compose: () => t('Compose file') }

export function HistoryPage() {
  const { t } = useTranslation()
  const { session } = useSession()
  usePageTitle(t('History'))
  return (
    <div className="page page--narrow history-page">
      <h1>{t('History')}</h1>
      {session.status === 'loading' && <LoadingIndicator label={t('Checking who is signed in…')} />}
      {session.status === 'anonymous' && (
        <Notice
          tone="info"
          title={t('Sign in to see your history')}
          action={
            <Link to="/signin?next=%2Fhistory" className="button button--primary button--small">
              {t('Sign in')}
            </Link>
          }
        >
          <p>
            {t(
              'Analyses you share while signed in are kept here until you delete them. Without an account the editor still works, and a shared analysis still gets its link (it expires after a while).',
            )}
          </p>
        </Notice>
      )}
      {session.status === 'signed-in' && <HistoryList username={session.username} />}
    </div>
  )
}

function HistoryList({ username }: { username: string }) {
  const { recordSession } = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const page = pageFromParam(params.get('page'))
  const history = useRemoteData(`history:${username}:${page}`, (signal) => listAnalyses(page, signal))
  const sessionEnded = history.status === 'error' && history.error instanceof ApiError && history.error.kind === 'forbidden'

  // The session expired (or was ended elsewhere) since the app asked: the whole app is signed out now,
  // and the page turns into the prompt to sign in.
  useEffect(() => {
    if (sessionEnded) recordSession({ authenticated: false, username: null })
  }, [sessionEnded, recordSession])

  if (history.status === 'loading') return <LoadingIndicator label={t('Loading your analyses…')} />
  if (sessionEnded) return null
  if (history.status === 'error') {
    const pastTheEnd = history.error instanceof ApiError && history.error.kind === 'not-found' && page > 1
    return pastTheEnd ? (
      <Notice tone="info" title={t('There is no such page')}>
        <p>
          {tNodes('Your history has fewer pages than that. {{first}}.', {
            first: <Link to="/history">{t('Go to the first page')}</Link>,
          })}
        </p>
      </Notice>
    ) : (
      <ErrorNotice
        error={history.error}
        action={
          <button type="button" className="button button--small" onClick={history.reload}>
            {t('Try again')}
          </button>
        }
      />
    )
  }

  const { count, results } = history.data
  if (count === 0) {
    return (
      <div className="history-empty card">
        <p>
          <strong>{t('No analyses yet.')}</strong>
        </p>
        <p className="muted">
          {t(
            'Analyses you share from the editor while signed in as {{username}} appear here, newest first. Typing in the editor stores nothing.',
            { username },
          )}
        </p>
        <Link to="/" className="button button--primary">
          {t('Open the editor')}
        </Link>
      </div>
    )
  }
  const pages = pageCount(history.data, page)
  // After a deletion the page may be past the new end: start again from the first.
  const reloadAfterDeletion = () => (page > 1 ? navigate('/history') : history.reload())
  return (
    <>
      <div className="history-summary">
        <p className="muted">
          {count === 1
            ? t('1 entry by {{username}}, newest first. Identical saves are one entry.', { username })
            : t('{{count}} entries by {{username}}, newest first. Identical saves are one entry.', { count, username })}
        </p>
        <ClearHistory onCleared={reloadAfterDeletion} />
      </div>
      <ol className="history-list" aria-label={t('Analyses')}>
        {results.map((analysis) => (
          <li key={analysis.id}>
            <HistoryItem analysis={analysis} onDeleted={reloadAfterDeletion} />
          </li>
        ))}
      </ol>
      {pages > 1 && (
        <nav className="history-pagination" aria-label={t('Pages')}>
          {history.data.previous ? (
            <Link to={page === 2 ? '/history' : `/history?page=${page - 1}`} rel="prev" className="button button--small">
              ← {t('Newer')}
            </Link>
          ) : (
            <span />
          )}
          <span className="history-pagination__where">
            {t('Page {{page}} of {{pages}}', { page, pages })}
          </span>
          {history.data.next ? (
            <Link to={`/history?page=${page + 1}`} rel="next" className="button button--small">
              {t('Older')} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  )
}

type Action = { status: 'idle' | 'confirming' | 'working' } | { status: 'error'; error: unknown }

/** A destructive action asked twice: the button, then "Delete" or "Keep". */
function useConfirmedAction(run: () => Promise<void>, onDone: () => void) {
  const [action, setAction] = useState<Action>({ status: 'idle' })
  const confirm = async () => {
    setAction({ status: 'working' })
    try {
      await run()
      setAction({ status: 'idle' })
      onDone()
    } catch (error) {
      setAction({ status: 'error', error })
    }
  }
  return { action, ask: () => setAction({ status: 'confirming' }), cancel: () => setAction({ status: 'idle' }), confirm }
}

function ClearHistory({ onCleared }: { onCleared: () => void }) {
  const { action, ask, cancel, confirm } = useConfirmedAction(clearHistory, onCleared)
  return (
    <div className="history-clear">
      {action.status === 'confirming' ? (
        <ConfirmAction
          label={t('Clear your history?')}
          question={t('Delete every analysis in your history? Their links stop working.')}
          confirmLabel={t('Clear history')}
          onConfirm={confirm}
          onCancel={cancel}
        />
      ) : (
        <button
          type="button"
          className="button button--small button--danger"
          onClick={ask}
          disabled={action.status === 'working'}
        >
          {t('Clear history')}
        </button>
      )}
      {action.status === 'error' && <ErrorNotice error={action.error} />}
    </div>
  )
}

function HistoryItem({ analysis, onDeleted }: { analysis: AnalysisSummary; onDeleted: () => void }) {
  const { language } = useTranslation()
  const kindName = KIND_NAMES[analysis.kind]()
  const created = new Date(analysis.created)
  const name = analysis.filename || kindName
  const { action, ask, cancel, confirm } = useConfirmedAction(() => deleteHistoryEntry(analysis.id), onDeleted)
  return (
    <article className="history-item card" aria-label={name}>
      <Link to={analysis.url} className="history-item__link">
        <span className="history-item__top">
          <span className="history-item__name">{name}</span>
          {analysis.filename && <span className="history-item__kind">{kindName}</span>}
        </span>
        {analysis.preview && <code className="history-item__preview">{analysis.preview}</code>}
      </Link>
      <span className="history-item__bottom">
        <time dateTime={analysis.created} className="history-item__date">
          {Number.isNaN(created.getTime())
            ? analysis.created
            : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(created)}
        </time>
        {analysis.saves > 1 && (
          <span className="history-item__saves">{t('saved {{count}} times', { count: analysis.saves })}</span>
        )}
        <SeverityCounts counts={analysis.counts} />
        {action.status === 'confirming' ? (
          <ConfirmAction
            label={t('Delete {{name}}?', { name })}
            question={analysis.saves > 1 ? t('Delete all {{count}} saves?', { count: analysis.saves }) : t('Delete it?')}
            confirmLabel={t('Delete')}
            onConfirm={confirm}
            onCancel={cancel}
          />
        ) : (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={ask}
            disabled={action.status === 'working'}
          >
            {t('Delete')}
            <span className="visually-hidden"> {name}</span>
          </button>
        )}
      </span>
      {action.status === 'error' && <ErrorNotice error={action.error} />}
    </article>
  )
}
