import { Link } from 'react-router'
import type { ScanFinding } from '../../../api/types'
import { CodeText } from '../../../components/CodeText'
import { SeverityBadge } from '../../../components/SeverityBadge'
import { useTranslation } from '../../../i18n'

interface FindingListProps {
  path: string
  findings: ScanFinding[]
  /** Mark the findings the baseline did not have. */
  showNew: boolean
  /** The file's page (its text with the findings underlined), when the scan has it. */
  fileHref?: string
}

/** One file's findings, by line: where, how serious, what and which rule. */
export function FindingList({ path, findings, showNew, fileHref }: FindingListProps) {
  const { t } = useTranslation()
  return (
    <div className="card scan-file" role="group" aria-label={path}>
      <h4 className="scan-file__path">
        {fileHref ? (
          <Link to={fileHref}>
            <code>{path}</code>
          </Link>
        ) : (
          <code>{path}</code>
        )}
      </h4>
      <ul className="scan-file__findings">
        {findings.map((finding) => (
          <li key={`${finding.fingerprint}:${finding.line}:${finding.column}`} className="scan-finding">
            <span className="scan-finding__where">
              {t('line {{line}}:{{column}}', { line: finding.line, column: finding.column })}
            </span>
            <SeverityBadge severity={finding.severity} />
            {showNew && finding.new && <span className="pill pill--accent">{t('New')}</span>}
            <span className="scan-finding__message">
              <CodeText text={finding.message} />
            </span>
            <RuleLink finding={finding} />
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The rule's page on this site, or the page of a tool's code (ShellCheck's wiki) in a new tab. */
function RuleLink({ finding }: { finding: ScanFinding }) {
  const name = finding.code ?? finding.rule
  if (finding.help_url.startsWith('/')) {
    return (
      <Link className="scan-finding__rule" to={finding.help_url}>
        {name}
      </Link>
    )
  }
  return (
    <a className="scan-finding__rule" href={finding.help_url} target="_blank" rel="noreferrer">
      {name}
    </a>
  )
}
