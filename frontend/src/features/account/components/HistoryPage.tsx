import { useEffect } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ApiError } from '../../../api/client'
import type { AnalysisSummary, Kind } from '../../../api/types'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { listAnalyses } from '../api/history'
import { pageCount, pageFromParam } from '../lib/pagination'
import { useSession } from '../session/sessionContext'
import { SeverityCounts } from './SeverityCounts'
import './HistoryPage.css'

const KIND_NAMES: Record<Kind, string> = { dockerfile: 'Dockerfile', compose: 'Compose file' }
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function HistoryPage() {
  const { session } = useSession()
  return (
    <div className="page page--narrow history-page">
      <h1>History</h1>
      {session.status === 'loading' && <LoadingIndicator label="Checking who is signed in…" />}
      {session.status === 'anonymous' && (
        <Notice
          tone="info"
          title="Sign in to see your history"
          action={
            <Link to="/signin?next=%2Fhistory" className="button button--primary button--small">
              Sign in
            </Link>
          }
        >
          <p>
            Analyses you run while signed in are kept here. Without an account the editor still works, and every
            analysis still has its own permalink.
          </p>
        </Notice>
      )}
      {session.status === 'signed-in' && <HistoryList username={session.username} />}
    </div>
  )
}

function HistoryList({ username }: { username: string }) {
  const { recordSession } = useSession()
  const [params] = useSearchParams()
  const page = pageFromParam(params.get('page'))
  const history = useRemoteData(`history:${username}:${page}`, (signal) => listAnalyses(page, signal))
  const sessionEnded = history.status === 'error' && history.error instanceof ApiError && history.error.kind === 'forbidden'

  // The session expired (or was ended elsewhere) since the app asked: the whole app is signed out now,
  // and the page turns into the prompt to sign in.
  useEffect(() => {
    if (sessionEnded) recordSession({ authenticated: false, username: null })
  }, [sessionEnded, recordSession])

  if (history.status === 'loading') return <LoadingIndicator label="Loading your analyses…" />
  if (sessionEnded) return null
  if (history.status === 'error') {
    const pastTheEnd = history.error instanceof ApiError && history.error.kind === 'not-found' && page > 1
    return pastTheEnd ? (
      <Notice tone="info" title="There is no such page">
        <p>
          Your history has fewer pages than that. <Link to="/history">Go to the first page</Link>.
        </p>
      </Notice>
    ) : (
      <ErrorNotice
        error={history.error}
        action={
          <button type="button" className="button button--small" onClick={history.reload}>
            Try again
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
          <strong>No analyses yet.</strong>
        </p>
        <p className="muted">
          Analyses you run in the editor while signed in as {username} appear here, newest first.
        </p>
        <Link to="/" className="button button--primary">
          Open the editor
        </Link>
      </div>
    )
  }
  const pages = pageCount(history.data, page)
  return (
    <>
      <p className="muted history-summary">
        {count === 1 ? '1 analysis' : `${count} analyses`} by {username}, newest first.
      </p>
      <ol className="history-list" aria-label="Analyses">
        {results.map((analysis) => (
          <li key={analysis.id}>
            <HistoryItem analysis={analysis} />
          </li>
        ))}
      </ol>
      {pages > 1 && (
        <nav className="history-pagination" aria-label="Pages">
          {history.data.previous ? (
            <Link to={page === 2 ? '/history' : `/history?page=${page - 1}`} rel="prev" className="button button--small">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="history-pagination__where">
            Page {page} of {pages}
          </span>
          {history.data.next ? (
            <Link to={`/history?page=${page + 1}`} rel="next" className="button button--small">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  )
}

function HistoryItem({ analysis }: { analysis: AnalysisSummary }) {
  const kindName = KIND_NAMES[analysis.kind]
  const created = new Date(analysis.created)
  return (
    <Link to={analysis.url} className="history-item card">
      <span className="history-item__top">
        <span className="history-item__name">{analysis.filename || kindName}</span>
        {analysis.filename && <span className="history-item__kind">{kindName}</span>}
      </span>
      <span className="history-item__bottom">
        <time dateTime={analysis.created} className="history-item__date">
          {Number.isNaN(created.getTime()) ? analysis.created : DATE_FORMAT.format(created)}
        </time>
        <SeverityCounts counts={analysis.counts} />
      </span>
    </Link>
  )
}
