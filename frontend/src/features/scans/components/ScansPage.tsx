import { Link } from 'react-router'
import { roleAllows } from '../../../api/roles'
import type { ScanSummary } from '../../../api/types'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { SeverityCounts } from '../../../components/SeverityCounts'
import { TimeText } from '../../../components/TimeText'
import { useCurrentProject } from '../../../hooks/useCurrentProject'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { useTranslation } from '../../../i18n'
import { listScans } from '../api/scans'
import { ScanStatus } from './ScanStatus'
import '../../../styles/items.css'
import './Scans.css'

/** A project's latest scans, newest first. */
export function ScansPage() {
  const { t } = useTranslation()
  const { project } = useCurrentProject()
  usePageTitle(t('Scans of {{project}}', { project: project.name }))
  const scans = useRemoteData(`scans:${project.slug}`, (signal) => listScans(project.slug, signal))
  const canUpload = roleAllows(project.role, 'maintainer')

  return (
    <section aria-labelledby="scans-heading">
      <h2 id="scans-heading">{t('Latest scans')}</h2>
      {scans.status === 'loading' && <LoadingIndicator label={t('Loading scans…')} />}
      {scans.status === 'error' && (
        <ErrorNotice
          error={scans.error}
          action={
            <button type="button" className="button button--small" onClick={scans.reload}>
              {t('Try again')}
            </button>
          }
        />
      )}
      {scans.status === 'success' && scans.data.length === 0 && (
        <div className="card item-card">
          <p>
            {t('No scans yet.')}{' '}
            {canUpload && <Link to={`/projects/${project.slug}/upload`}>{t('Upload an archive of the repository')}</Link>}
          </p>
        </div>
      )}
      {scans.status === 'success' && scans.data.length > 0 && (
        <ul className="item-list" aria-labelledby="scans-heading">
          {scans.data.map((scan) => (
            <li key={scan.id}>
              <ScanCard slug={project.slug} scan={scan} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ScanCard({ slug, scan }: { slug: string; scan: ScanSummary }) {
  const { t } = useTranslation()
  return (
    <article className="card item-card" aria-label={t('Scan {{id}}', { id: scan.id })}>
      <div className="item-card__main">
        <h3 className="item-card__title">
          <Link to={`/projects/${slug}/scans/${scan.id}`}>{t('Scan {{id}}', { id: scan.id })}</Link>
        </h3>
        <dl className="item-card__facts">
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
          <div>
            <dt>{t('Uploaded')}</dt>
            <dd>
              <TimeText value={scan.created} />
            </dd>
          </div>
          <div>
            <dt>{t('Files')}</dt>
            <dd>{t('{{analysed}} of {{found}} analysed', { analysed: scan.files_analysed, found: scan.files_found })}</dd>
          </div>
        </dl>
      </div>
      <div className="item-card__actions">
        <ScanStatus status={scan.status} />
        {scan.status === 'done' && <SeverityCounts counts={scan.counts} />}
      </div>
    </article>
  )
}
