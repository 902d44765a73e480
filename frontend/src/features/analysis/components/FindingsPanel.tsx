import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { ApiError } from '../../../api/client'
import type { Finding, Review, Severity } from '../../../api/types'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { t, useTranslation } from '../../../i18n'
import type { LiveAnalysis } from '../hooks/useLiveAnalysis'
import { groupFindings, SEVERITY_ORDER, type FindingGroup } from '../lib/groupFindings'
import { readHiddenSeverities, writeHiddenSeverities } from '../lib/severityFilter'
import './FindingsPanel.css'

// The list of findings (its virtual scrolling, each finding's details and fix) is not needed until the first
// analysis comes back: it loads as its own chunk from the moment one is asked for, outside the editor page's
// first paint. The panel stays busy until it is there, so "not busy" always means "the findings are shown".
type FindingList = (typeof import('./FindingList'))['default']
let findingList: Promise<FindingList> | null = null
function loadFindingList(): Promise<FindingList> {
  findingList ??= import('./FindingList').then(
    (module) => module.default,
    (error: unknown) => {
      findingList = null
      throw error
    },
  )
  return findingList
}

const FILTER_LABELS: Record<Severity, () => string> = {
  error: () => t('Errors'),
  warning: () => t('Warnings'),
  info: () => t('Info'),
  style: () => t('Style notes'),
}

interface FindingsPanelProps {
  status: LiveAnalysis['status']
  analysis: Review | null
  error: unknown
  /** True when the editor text is what `analysis` analysed, so fixes can be applied. */
  fresh: boolean
  onSelect: (finding: Finding) => void
  onApplyFix: (finding: Finding) => void
  /** Shown when there is nothing to analyse yet. */
  empty: ReactNode
  onRetry: () => void
}

export function FindingsPanel({ status, analysis, error, fresh, onSelect, onApplyFix, empty, onRetry }: FindingsPanelProps) {
  const { t } = useTranslation()
  const [hidden, setHidden] = useState(readHiddenSeverities)
  const toggle = (severity: Severity) => {
    const next = new Set(hidden)
    if (!next.delete(severity)) next.add(severity)
    writeHiddenSeverities(next)
    setHidden(next)
  }
  const groups = useMemo(() => groupFindings(analysis?.findings ?? []), [analysis])
  const started = status !== 'idle' || analysis !== null
  const [list, setList] = useState<{ component: FindingList } | { error: unknown } | null>(null)
  useEffect(() => {
    if (!started || list) return
    let current = true
    loadFindingList().then(
      (component) => current && setList({ component }),
      (error: unknown) => current && setList({ error }),
    )
    return () => {
      current = false
    }
  }, [started, list])
  const listShown = groups.length > 0

  return (
    <section
      className="findings card"
      aria-labelledby="findings-title"
      // Busy while the findings shown are not yet those of the text in the editor.
      aria-busy={
        status === 'pending' || (analysis !== null && !fresh && status !== 'error') || (listShown && list === null)
      }
    >
      <header className="findings__header">
        <h2 id="findings-title">{t('Findings')}</h2>
        <div className="findings__status" aria-live="polite">
          {status === 'pending' && <span className="findings__pending">{t('Analysing…')}</span>}
          {status !== 'pending' && analysis && fresh && <Summary groups={groups} hidden={hidden} />}
        </div>
      </header>
      {analysis && groups.length > 0 && <SeverityFilter groups={groups} hidden={hidden} onToggle={toggle} />}
      {status === 'error' && (
        <ErrorNotice
          error={error}
          action={
            retryable(error) && (
              <button type="button" className="button button--small" onClick={onRetry}>
                {t('Try again')}
              </button>
            )
          }
        />
      )}
      {status === 'idle' && !analysis && <div className="findings__empty">{empty}</div>}
      {status === 'pending' && !analysis && <LoadingIndicator label={t('Analysing your file…')} />}
      {analysis && groups.length === 0 && <Clean kind={analysis.kind} />}
      {analysis && listShown && list === null && <LoadingIndicator label={t('Loading the findings…')} />}
      {analysis && listShown && list && 'error' in list && <ErrorNotice error={list.error} />}
      {analysis && listShown && list && 'component' in list && (
        <list.component groups={groups} hidden={hidden} stale={!fresh} onSelect={onSelect} onApplyFix={onApplyFix} />
      )}
    </section>
  )
}

/** Sending the same text again only helps when the failure was not about the text itself. */
function retryable(error: unknown): boolean {
  return !(error instanceof ApiError) || ['offline', 'server', 'rate-limited'].includes(error.kind)
}

function Summary({ groups, hidden }: { groups: FindingGroup[]; hidden: ReadonlySet<Severity> }) {
  const total = groups.reduce((sum, group) => sum + group.findings.length, 0)
  if (total === 0) return <span className="findings__count findings__count--clean">{t('No findings')}</span>
  const hiddenCount = groups.reduce((sum, group) => sum + (hidden.has(group.severity) ? group.findings.length : 0), 0)
  return (
    <span className="findings__count">
      {total === 1 ? t('1 finding') : t('{{count}} findings', { count: total })}
      {hiddenCount > 0 && (
        <span className="findings__hidden-count"> · {t('{{count}} hidden', { count: hiddenCount })}</span>
      )}
    </span>
  )
}

interface SeverityFilterProps {
  groups: FindingGroup[]
  hidden: ReadonlySet<Severity>
  onToggle: (severity: Severity) => void
}

function SeverityFilter({ groups, hidden, onToggle }: SeverityFilterProps) {
  return (
    <div className="findings__filter" role="group" aria-label={t('Show findings of these severities')}>
      {SEVERITY_ORDER.map((severity) => (
        <button
          key={severity}
          type="button"
          className={`filter-chip filter-chip--${severity}`}
          aria-pressed={!hidden.has(severity)}
          onClick={() => onToggle(severity)}
        >
          {FILTER_LABELS[severity]()}{' '}
          <span className="filter-chip__count">
            {groups.find((group) => group.severity === severity)?.findings.length ?? 0}
          </span>
        </button>
      ))}
    </div>
  )
}

function Clean({ kind }: { kind: Review['kind'] }) {
  return (
    <div className="findings__clean">
      <svg viewBox="0 0 24 24" aria-hidden="true" className="findings__clean-icon">
        <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor" />
      </svg>
      <div>
        <p className="findings__clean-title">{t('Looks good')}</p>
        <p className="muted">
          {kind === 'compose'
            ? t('Dockwright found nothing to improve in this Compose file.')
            : t('Dockwright found nothing to improve in this Dockerfile.')}
        </p>
      </div>
    </div>
  )
}
