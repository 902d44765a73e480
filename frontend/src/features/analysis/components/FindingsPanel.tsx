import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ApiError } from '../../../api/client'
import type { Analysis, Finding, Severity } from '../../../api/types'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { CodeText } from '../../../components/CodeText'
import { plainText } from '../../../components/textSpans'
import type { LiveAnalysis } from '../hooks/useLiveAnalysis'
import { groupFindings } from '../lib/groupFindings'
import './FindingsPanel.css'

const GROUP_TITLES: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  style: ['style note', 'style notes'],
}

function plural(count: number, severity: Severity): string {
  const [one, many] = GROUP_TITLES[severity]
  return `${count} ${count === 1 ? one : many}`
}

interface FindingsPanelProps {
  status: LiveAnalysis['status']
  analysis: Analysis | null
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
  return (
    <section className="findings card" aria-labelledby="findings-title">
      <header className="findings__header">
        <h2 id="findings-title">Findings</h2>
        <div className="findings__status" aria-live="polite">
          {status === 'pending' && <span className="findings__pending">Analysing…</span>}
          {status !== 'pending' && analysis && fresh && <Summary analysis={analysis} />}
        </div>
      </header>
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
      {analysis && (
        <FindingGroups
          analysis={analysis}
          stale={!fresh}
          onSelect={onSelect}
          onApplyFix={onApplyFix}
        />
      )}
    </section>
  )
}

/** Sending the same text again only helps when the failure was not about the text itself. */
function retryable(error: unknown): boolean {
  return !(error instanceof ApiError) || ['offline', 'server', 'rate-limited'].includes(error.kind)
}

function Summary({ analysis }: { analysis: Analysis }) {
  const total = analysis.findings.length
  if (total === 0) return <span className="findings__count findings__count--clean">No findings</span>
  return (
    <span className="findings__count">
      {total} {total === 1 ? 'finding' : 'findings'}
    </span>
  )
}

interface FindingGroupsProps {
  analysis: Analysis
  stale: boolean
  onSelect: (finding: Finding) => void
  onApplyFix: (finding: Finding) => void
}

function FindingGroups({ analysis, stale, onSelect, onApplyFix }: FindingGroupsProps) {
  const groups = groupFindings(analysis.findings)
  if (groups.length === 0) {
    return (
      <div className="findings__clean">
        <svg viewBox="0 0 24 24" aria-hidden="true" className="findings__clean-icon">
          <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor" />
        </svg>
        <div>
          <p className="findings__clean-title">Looks good</p>
          <p className="muted">Dockwright found nothing to improve in this {kindLabel(analysis.kind)}.</p>
        </div>
      </div>
    )
  }
  return (
    <div className={`findings__groups${stale ? ' findings__groups--stale' : ''}`}>
      {groups.map((group) => (
        <section key={group.severity} className="findings__group" aria-label={plural(group.findings.length, group.severity)}>
          <h3 className={`findings__group-title findings__group-title--${group.severity}`}>
            {plural(group.findings.length, group.severity)}
          </h3>
          <ol className="findings__list">
            {group.findings.map((finding, index) => (
              <FindingItem
                key={`${finding.rule}-${finding.line}-${finding.column}-${index}`}
                finding={finding}
                canFix={!stale}
                onSelect={onSelect}
                onApplyFix={onApplyFix}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}

interface FindingItemProps {
  finding: Finding
  canFix: boolean
  onSelect: (finding: Finding) => void
  onApplyFix: (finding: Finding) => void
}

function FindingItem({ finding, canFix, onSelect, onApplyFix }: FindingItemProps) {
  const fix = finding.fix && finding.fix.edits.length > 0 ? finding.fix : null
  return (
    <li className={`finding finding--${finding.severity}`}>
      <button
        type="button"
        className="finding__locate"
        onClick={() => onSelect(finding)}
        aria-label={`Line ${finding.line}, column ${finding.column}: ${plainText(finding.message)}. Show in editor`}
      >
        <span className="finding__position">
          {finding.line}:{finding.column}
        </span>
        <span className="finding__message">
          <CodeText text={finding.message} />
        </span>
      </button>
      <div className="finding__meta">
        <Link className="finding__rule" to={`/rules/${encodeURIComponent(finding.rule)}`}>
          <span className="finding__rule-id">{finding.rule}</span>
          {finding.rule_title && (
            <span className="finding__rule-title">
              <CodeText text={finding.rule_title} />
            </span>
          )}
        </Link>
        {shellcheckCode(finding) && (
          <a
            className="finding__wiki"
            href={`https://www.shellcheck.net/wiki/${shellcheckCode(finding)}`}
            target="_blank"
            rel="noreferrer"
          >
            {shellcheckCode(finding)} explained <span className="visually-hidden">on the ShellCheck wiki</span>
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
    </li>
  )
}

// ShellCheck findings (DF100) start with their code; ShellCheck's wiki has a page for each.
function shellcheckCode(finding: Finding): string | null {
  if (finding.rule !== 'DF100') return null
  return /^(SC\d{4})\b/.exec(finding.message)?.[1] ?? null
}

// A fix that is not safe (ShellCheck's quoting, say) can change what the file does: say so before it is applied.
function fixHint(fix: NonNullable<Finding['fix']>): string {
  const title = plainText(fix.title)
  return fix.safe ? title : `${title}. Review the result: this fix can change what the file does.`
}

function kindLabel(kind: Analysis['kind']): string {
  return kind === 'compose' ? 'Compose file' : 'Dockerfile'
}
