import { memo, useCallback, useMemo } from 'react'
import { Link } from 'react-router'
import type { Finding, Severity } from '../../../api/types'
import { CodeText } from '../../../components/CodeText'
import { SEVERITY_LABELS, severityCount } from '../../../components/severity'
import { plainText } from '../../../components/textSpans'
import { VirtualList } from '../../../components/VirtualList'
import { t, tNodes, useTranslation } from '../../../i18n'
import type { RuleNote } from '../api/ruleNotes'
import { useRuleNotes } from '../hooks/useRuleNotes'
import type { FindingGroup } from '../lib/groupFindings'

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
export default memo(function FindingList({ groups, hidden, stale, onSelect, onApplyFix }: FindingListProps) {
  const { language } = useTranslation()
  const notes = useRuleNotes(language)
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
        <h3 className={`findings__group-title findings__group-title--${row.severity}`}>{severityCount(row.severity, row.count)}</h3>
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
  const { t } = useTranslation()
  const fix = finding.fix && finding.fix.edits.length > 0 ? finding.fix : null
  const fixTitle = finding.fix?.title || note?.fix_title
  // A finding explained elsewhere (ShellCheck's wiki page of its SC code under DF100) links there too.
  const externalHelp = finding.code && /^https?:\/\//.test(finding.help_url) ? finding.help_url : null
  return (
    <article className={`finding finding--${finding.severity}`} aria-label={`${SEVERITY_LABELS[finding.severity]()} ${finding.rule}`}>
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
            {t('Line {{line}}, column {{column}}: {{message}}. Show in editor', {
              line: finding.line,
              column: finding.column,
              message: plainText(finding.message),
            })}
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
              <span className="finding__label">{t('Why it matters:')}</span> <CodeText text={note.rationale} />
            </summary>
          </details>
        )}
        {fixTitle && (
          <p className="finding__how">
            <span className="finding__label">{t('Fix:')}</span> <CodeText text={fixTitle} />
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
              {tNodes('{{code}} explained {{where}}', {
                code: finding.code,
                where: <span className="visually-hidden">{t('on the ShellCheck wiki')}</span>,
              })}
            </a>
          )}
          {fix && (
            <button
              type="button"
              className="button button--small finding__fix"
              onClick={() => onApplyFix(finding)}
              disabled={!canFix}
              title={canFix ? fixHint(fix) : t('Wait for the analysis of your latest changes')}
            >
              {t('Apply fix')}
              {!fix.safe && <span className="finding__fix-review"> {t('(review)')}</span>}
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
  return fix.safe ? title : t('{{title}}. Review the result: this fix can change what the file does.', { title })
}

