import { Link, useParams } from 'react-router'
import { ApiError } from '../../../api/client'
import { CodeText } from '../../../components/CodeText'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { useCurrentProject } from '../../../hooks/useCurrentProject'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { useTranslation } from '../../../i18n'
import { countsOf, getScanFile, type ScanFileDetail, type ScanFinding } from '../api/insights'
import { AnnotatedCode } from './AnnotatedCode'
import { SeverityTag } from './SeverityTag'
import { CountBadges } from './CountBadges'
import './Insights.css'

/** A file of a scan, in its project's frame: as it was scanned, its findings underlined as in the editor and listed
 * beside it. */
export function ScanFilePage() {
  const { t } = useTranslation()
  const { project } = useCurrentProject()
  const { scanId = '', fileId = '' } = useParams()
  const slug = project.slug
  const file = useRemoteData(`scan-file:${slug}:${scanId}:${fileId}`, (signal) => getScanFile(slug, scanId, fileId, signal))
  usePageTitle(file.status === 'success' ? file.data.path : file.status === 'error' ? t('File not found') : null)

  if (file.status === 'loading') return <LoadingIndicator label={t('Loading the file…')} />
  if (file.status === 'error') {
    const missing = file.error instanceof ApiError && file.error.kind === 'not-found'
    return (
      <section aria-labelledby="scan-file-heading">
        <h2 id="scan-file-heading">{t('File not found')}</h2>
        {missing ? (
          <p className="muted">{t('There is no such file in this scan.')}</p>
        ) : (
          <ErrorNotice
            error={file.error}
            action={
              <button type="button" className="button button--small" onClick={file.reload}>
                {t('Try again')}
              </button>
            }
          />
        )}
        <p>
          <Link to={`/projects/${encodeURIComponent(slug)}`}>{t('Back to the overview')}</Link>
        </p>
      </section>
    )
  }
  return <ScanFile slug={slug} file={file.data} />
}

function ScanFile({ slug, file }: { slug: string; file: ScanFileDetail }) {
  const { t, language } = useTranslation()
  const scan = file.scan
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(scan.created))
  return (
    <section className="scan-file-page" aria-labelledby="scan-file-heading">
      <p className="insights-up">
        <Link to={`/projects/${encodeURIComponent(slug)}?${new URLSearchParams({ branch: scan.branch })}`}>
          {t('Back to the overview')}
        </Link>
      </p>
      <h2 id="scan-file-heading" className="scan-file-page__path">
        {file.path}
      </h2>
      <p className="muted insights-facts">
        <span>{t('Scan {{id}}', { id: scan.id })}</span>
        {scan.branch && <span>{t('Branch: {{branch}}', { branch: scan.branch })}</span>}
        {scan.commit && (
          <span>
            {t('Commit')} <code>{scan.commit.slice(0, 12)}</code>
          </span>
        )}
        <span>{when}</span>
      </p>
      {file.error && (
        <Notice tone="warning" title={t('This file could not be analysed')}>
          <p>{file.error}</p>
        </Notice>
      )}
      {file.kind !== '' && <CountBadges counts={countsOf(file.counts)} />}
      <div className="scan-file-page__body">
        <AnnotatedCode
          code={file.content}
          kind={file.kind === 'compose' || file.kind === 'dockerfile' ? file.kind : ''}
          findings={file.findings}
          label={t('Content of {{path}}', { path: file.path })}
        />
        <section className="scan-file-page__findings" aria-labelledby="file-findings-heading">
          <h3 id="file-findings-heading">
            {file.findings.length === 1 ? t('1 finding') : t('{{count}} findings', { count: file.findings.length })}
          </h3>
          {file.kind === '' ? (
            <p className="muted">
              {t('The other files read this one (a .dockerignore or .env file); it is not analysed itself.')}
            </p>
          ) : file.findings.length === 0 ? (
            <p className="muted">{t('Nothing to report in this file.')}</p>
          ) : (
            <ol className="file-findings">
              {file.findings.map((finding, index) => (
                <li key={`${finding.fingerprint}:${index}`}>
                  <FileFinding finding={finding} />
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </section>
  )
}

function FileFinding({ finding }: { finding: ScanFinding }) {
  const { t } = useTranslation()
  return (
    <article className={`file-finding file-finding--${finding.severity}`}>
      <p className="file-finding__top">
        <SeverityTag severity={finding.severity} />
        <Link to={`/rules/${encodeURIComponent(finding.rule)}`} className="file-finding__rule">
          {finding.rule}
        </Link>
        {finding.new && <span className="file-finding__new">{t('New')}</span>}
        <a href={`#L${finding.line}`} className="file-finding__where">
          {t('Line {{line}}, column {{column}}', { line: finding.line, column: finding.column })}
        </a>
      </p>
      <p className="file-finding__message">
        <CodeText text={finding.message} />
      </p>
    </article>
  )
}
