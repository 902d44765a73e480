import { memo, useCallback, useMemo, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { ApiError } from '../../../api/client'
import type { Finding, Review, Severity } from '../../../api/types'
import { CodeText } from '../../../components/CodeText'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { SEVERITY_LABELS } from '../../../components/severity'
import { plainText } from '../../../components/textSpans'
import { VirtualList } from '../../../components/VirtualList'
import type { RuleNote } from '../api/ruleNotes'
import type { LiveAnalysis } from '../hooks/useLiveAnalysis'
import { useRuleNotes } from '../hooks/useRuleNotes'
import { groupFindings, SEVERITY_ORDER, type FindingGroup } from '../lib/groupFindings'
import { readHiddenSeverities, writeHiddenSeverities } from '../lib/severityFilter'
import './FindingsPanel.css'

const GROUP_TITLES: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  style: ['style note', 'style notes'],
}

const FILTER_LABELS: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
  style: 'Style notes',
}

function plural(count: number, severity: Severity): string {
  const [one, many] = GROUP_TITLES[severity]
  return `${count} ${count === 1 ? one : many}`
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
  const [hidden, setHidden] = useState(readHiddenSeverities)
  const toggle = (severity: Severity) => {
    const next = new Set(hidden)
    if (!next.delete(severity)) next.add(severity)
    writeHiddenSeverities(next)
    setHidden(next)
  }
  const groups = useMemo(() => groupFindings(analysis?.findings ?? []), [analysis])

  return (
    <section
      className="findings card"
      aria-labelledby="findings-title"
      // Busy while the findings shown are not yet those of the text in the editor.
      aria-busy={status === 'pending' || (analysis !== null && !fresh && status !== 'error')}
    >
      <header className="findings__header">
        <h2 id="findings-title">Findings</h2>
        <div className="findings__status" aria-live="polite">
          {status === 'pending' && <span className="findings__pending">Analysing…</span>}
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
                Try again
              </button>
            )
          }
        />
      )}
      {status === 'idle' && !analysis && <div className="findings__empty">{empty}</div>}
      {status === 'pending' && !analysis && <LoadingIndicator label="Analysing your file…" />}
      {analysis && groups.length === 0 && <Clean kind={analysis.kind} />}
      {analysis && groups.length > 0 && (
        <FindingList groups={groups} hidden={hidden} stale={!fresh} onSelect={onSelect} onApplyFix={onApplyFix} />
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
  if (total === 0) return <span className="findings__count findings__count--clean">No findings</span>
  const hiddenCount = groups.reduce((sum, group) => sum + (hidden.has(group.severity) ? group.findings.length : 0), 0)
  return (
    <span className="findings__count">
      {total} {total === 1 ? 'finding' : 'findings'}
      {hiddenCount > 0 && <span className="findings__hidden-count"> · {hiddenCount} hidden</span>}
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
    <div className="findings__filter" role="group" aria-label="Show findings of these severities">
      {SEVERITY_ORDER.map((severity) => (
        <button
          key={severity}
          type="button"
          className={`filter-chip filter-chip--${severity}`}
          aria-pressed={!hidden.has(severity)}
          onClick={() => onToggle(severity)}
        >
          {FILTER_LABELS[severity]}{' '}
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
        <p className="findings__clean-title">Looks good</p>
        <p className="muted">Dockwright found nothing to improve in this {kindLabel(kind)}.</p>
      </div>
    </div>
  )
}

type Row =
  | { type: 'heading'; key: string; severity: Severity; count: number }
  | { type: 'finding'; key: string; finding: Finding }

const rowKey = (row: Row) => row.key
// Guesses until a row is drawn and measured: a heading, and a finding with its message, why and fix lines.
const estimateHeight = (row: Row) => (row.type === 'heading' ? 34 : 128)

interface FindingListProps {
  groups: FindingGroup[]
  hidden: ReadonlySet<Severity>
  stale: boolean
  onSelect: (finding: Finding) => void
  onApplyFix: (finding: Finding) => void
}

/**
 * The findings of the shown severities, a heading before each severity. Only the rows in view are drawn
 * (a large file has up to 2,000 findings) and a row is redrawn only when its own props change.
 */
const FindingList = memo(function FindingList({ groups, hidden, stale, onSelect, onApplyFix }: FindingListProps) {
  const notes = useRuleNotes()
  const rows = useMemo(
    () =>
      groups
        .filter((group) => !hidden.has(group.severity))
        .flatMap((group): Row[] => [
          { type: 'heading', key: group.severity, severity: group.severity, count: group.findings.length },
          ...group.findings.map((finding, index): Row => ({ type: 'finding', key: findingKey(finding, index), finding })),
        ]),
    [groups, hidden],
  )
  const renderRow = useCallback(
    (row: Row) =>
      row.type === 'heading' ? (
        <h3 className={`findings__group-title findings__group-title--${row.severity}`}>{plural(row.count, row.severity)}</h3>
      ) : (
        <FindingItem
          finding={row.finding}
          note={notes?.get(row.finding.rule) ?? null}
          canFix={!stale}
          onSelect={onSelect}
          onApplyFix={onApplyFix}
        />
      ),
    [notes, stale, onSelect, onApplyFix],
  )

  if (rows.length === 0) {
    return <p className="findings__all-hidden muted">The filter hides every finding: choose a severity above.</p>
  }
  return (
    <VirtualList
      className={`findings__list${stale ? ' findings__list--stale' : ''}`}
      items={rows}
      itemKey={rowKey}
      estimateHeight={estimateHeight}
      renderItem={renderRow}
    />
  )
})

function findingKey(finding: Finding, index: number): string {
  return `${finding.severity}-${finding.rule}-${finding.line}:${finding.column}-${finding.end_line}:${finding.end_column}-${index}`
}

interface FindingItemProps {
  finding: Finding
  note: RuleNote | null
  canFix: boolean
  onSelect: (finding: Finding) => void
  onApplyFix: (finding: Finding) => void
}

const FindingItem = memo(function FindingItem({ finding, note, canFix, onSelect, onApplyFix }: FindingItemProps) {
  const fix = finding.fix && finding.fix.edits.length > 0 ? finding.fix : null
  const fixTitle = finding.fix?.title || note?.fix_title
  // A finding explained elsewhere (ShellCheck's wiki page of its SC code under DF100) links there too.
  const externalHelp = finding.code && /^https?:\/\//.test(finding.help_url) ? finding.help_url : null
  return (
    <article className={`finding finding--${finding.severity}`} aria-label={`${SEVERITY_LABELS[finding.severity]} ${finding.rule}`}>
      {/* The whole message is a target for the mouse; the position is the button for keyboards and readers
          (a button cannot hold the message's links). */}
      <div
        className="finding__head"
        onClick={(event) => {
          if (!(event.target as Element).closest('a, button')) onSelect(finding)
        }}
      >
        {/* Named by its content, not aria-label: the name then holds the visible position, as it must. */}
        <button type="button" className="finding__locate" onClick={() => onSelect(finding)}>
          <span aria-hidden="true">
            {finding.line}:{finding.column}
          </span>
          <span className="visually-hidden">
            Line {finding.line}, column {finding.column}: {plainText(finding.message)}. Show in editor
          </span>
        </button>
        <p className="finding__message">
          <CodeText text={finding.message} />
        </p>
      </div>
      <div className="finding__details">
        {note?.rationale && (
          <details className="finding__why">
            <summary>
              <span className="finding__label">Why it matters:</span> <CodeText text={note.rationale} />
            </summary>
          </details>
        )}
        {fixTitle && (
          <p className="finding__how">
            <span className="finding__label">Fix:</span> <CodeText text={fixTitle} />
          </p>
        )}
        <div className="finding__meta">
          <Link className="finding__rule" to={`/rules/${encodeURIComponent(finding.rule)}`}>
            <span className="finding__rule-id">{finding.rule}</span>
            {finding.rule_title && (
              <span className="finding__rule-title">
                <CodeText text={finding.rule_title} />
              </span>
            )}
          </Link>
          {externalHelp && (
            <a className="finding__wiki" href={externalHelp} target="_blank" rel="noreferrer">
              {finding.code} explained <span className="visually-hidden">on the ShellCheck wiki</span>
            </a>
          )}
          {fix && (
            <button
              type="button"
              className="button button--small finding__fix"
              onClick={() => onApplyFix(finding)}
              disabled={!canFix}
              title={canFix ? fixHint(fix) : 'Wait for the analysis of your latest changes'}
            >
              Apply fix
              {!fix.safe && <span className="finding__fix-review"> (review)</span>}
              <span className="visually-hidden">: {plainText(fix.title)}</span>
            </button>
          )}
        </div>
      </div>
    </article>
  )
})

// A fix that is not safe (ShellCheck's quoting, say) can change what the file does: say so before it is applied.
function fixHint(fix: NonNullable<Finding['fix']>): string {
  const title = plainText(fix.title)
  return fix.safe ? title : `${title}. Review the result: this fix can change what the file does.`
}

function kindLabel(kind: Review['kind']): string {
  return kind === 'compose' ? 'Compose file' : 'Dockerfile'
}
