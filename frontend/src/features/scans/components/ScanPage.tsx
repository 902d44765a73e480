import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { Scan } from '../../../api/types'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { SeverityCounts } from '../../../components/SeverityCounts'
import { TimeText } from '../../../components/TimeText'
import { useCurrentProject } from '../../../hooks/useCurrentProject'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useTranslation } from '../../../i18n'
import { useScanProgress } from '../hooks/useScanProgress'
import { groupByFile } from '../lib/groupByFile'
import { FindingList } from './FindingList'
import { ScanStatus } from './ScanStatus'
import '../../../styles/items.css'
import './Scans.css'

/** /projects/<slug>/scans/<id>: a scan's progress while a worker analyses it, then its findings by file, new and
 * fixed against the baseline; a failed scan's reason. */
export function ScanPage() {
  const { t } = useTranslation()
  const { project } = useCurrentProject()
  const id = Number(useParams().scanId)
  usePageTitle(t('Scan {{id}} of {{project}}', { id, project: project.name }))
  const progress = useScanProgress(project.slug, id)
  const scan = progress.status === 'loading' ? null : progress.scan

  return (
    <section aria-labelledby="scan-heading" className="scan-page">
      <h2 id="scan-heading">{t('Scan {{id}}', { id })}</h2>
      {progress.status === 'loading' && <LoadingIndicator label={t('Loading the scan…')} />}
      {scan && <ScanFacts scan={scan} />}
      {scan && <ScanState scan={scan} />}
      {progress.status === 'error' && (
        <ErrorNotice
          error={progress.error}
          action={
            <button type="button" className="button button--small" onClick={progress.retry}>
              {t('Try again')}
            </button>
          }
        />
      )}
      {scan?.status === 'done' && <ScanResults scan={scan} defaultBranch={project.default_branch} slug={project.slug} />}
    </section>
  )
}

function ScanFacts({ scan }: { scan: Scan }) {
  const { t } = useTranslation()
  return (
    <dl className="item-card__facts scan-facts">
      {scan.branch && (
        <div>
          <dt>{t('Branch')}</dt>
          <dd>{scan.branch}</dd>
        </div>
      )}
      {scan.commit && (
        <div>
          <dt>{t('Commit')}</dt>
          <dd>
            <code>{scan.commit.slice(0, 12)}</code>
          </dd>
        </div>
      )}
      {scan.repository && (
        <div>
          <dt>{t('Repository')}</dt>
          <dd>{scan.repository}</dd>
        </div>
      )}
      <div>
        <dt>{t('Uploaded')}</dt>
        <dd>
          <TimeText value={scan.created} />
        </dd>
      </div>
    </dl>
  )
}

/** Where the scan is: its status (announced as it changes) and, until it is finished, how far the worker got. */
function ScanState({ scan }: { scan: Scan }) {
  const { t } = useTranslation()
  const finished = scan.status === 'done' || scan.status === 'failed'
  const sentence =
    scan.status === 'pending'
      ? t('Waiting for a worker to take it…')
      : scan.status === 'running'
        ? t('A worker is analysing it…')
        : scan.status === 'done'
          ? t('Analysed.')
          : t('The scan failed.')
  return (
    <div className="card scan-progress">
      <p className="scan-progress__status" role="status">
        <ScanStatus status={scan.status} /> {sentence}
      </p>
      {!finished && (
        <>
          <label className="scan-progress__label" htmlFor="scan-progress-bar">
            {t('{{analysed}} of {{found}} files analysed', { analysed: scan.files_analysed, found: scan.files_found })}
          </label>
          <progress id="scan-progress-bar" max={Math.max(scan.files_found, 1)} value={scan.files_analysed} />
        </>
      )}
      {scan.status === 'failed' && (
        <Notice tone="error" title={t('Why it failed')}>
          <p>{scan.error || t('The server gave no reason.')}</p>
        </Notice>
      )}
    </div>
  )
}

function ScanResults({ scan, defaultBranch, slug }: { scan: Scan; defaultBranch: string; slug: string }) {
  const { t } = useTranslation()
  const [onlyNew, setOnlyNew] = useState(false)
  const compared = scan.baseline !== null
  const fileIds = new Map(scan.files.map((file) => [file.path, file.id]))
  const fileHref = (path: string) => {
    const id = fileIds.get(path)
    return id === undefined ? undefined : `/projects/${slug}/scans/${scan.id}/files/${id}`
  }
  const shown = onlyNew ? scan.findings.filter((finding) => finding.new) : scan.findings
  const groups = groupByFile(shown)
  const clean = scan.files.filter((file) => file.kind && file.analysed && !file.error && !scan.findings.some((f) => f.path === file.path))
  const refused = scan.files.filter((file) => file.error)
  return (
    <>
      <div className="scan-summary">
        <SeverityCounts counts={scan.counts} />
        {compared ? (
          <p>
            {t('{{new}} new and {{fixed}} fixed against scan {{id}}, the latest before it on {{branch}}.', {
              new: scan.new,
              fixed: scan.fixed.length,
              id: scan.baseline ?? '',
              branch: defaultBranch,
            })}{' '}
            <Link to={`/projects/${slug}/scans/${scan.baseline}`}>{t('Open scan {{id}}', { id: scan.baseline ?? '' })}</Link>
          </p>
        ) : (
          <p className="muted">
            {t('No earlier scan of {{branch}} to compare with: every finding counts as new.', { branch: defaultBranch })}
          </p>
        )}
      </div>
      {compared && scan.findings.length > 0 && (
        <label className="form-choice scan-filter">
          <input type="checkbox" checked={onlyNew} onChange={(event) => setOnlyNew(event.currentTarget.checked)} />
          {t('Only new findings')}
        </label>
      )}
      <section aria-labelledby="scan-findings">
        <h3 id="scan-findings">{t('Findings')}</h3>
        {groups.length === 0 && <p className="muted">{onlyNew ? t('No new findings.') : t('No findings in any file.')}</p>}
        {groups.map((group) => (
          <FindingList
            key={group.path}
            path={group.path}
            findings={group.findings}
            showNew={compared}
            fileHref={fileHref(group.path)}
          />
        ))}
      </section>
      {refused.length > 0 && (
        <Notice tone="warning" title={t('Files that could not be analysed')}>
          <ul>
            {refused.map((file) => (
              <li key={file.path}>
                <code>{file.path}</code>: {file.error}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {clean.length > 0 && (
        <p className="muted scan-clean">
          {t('Without findings:')} {clean.map((file) => file.path).join(', ')}
        </p>
      )}
      {scan.fixed.length > 0 && (
        <section aria-labelledby="scan-fixed">
          <h3 id="scan-fixed">{t('Fixed since scan {{id}}', { id: scan.baseline ?? '' })}</h3>
          {groupByFile(scan.fixed).map((group) => (
            <FindingList key={group.path} path={group.path} findings={group.findings} showNew={false} />
          ))}
        </section>
      )}
    </>
  )
}
