import { useId } from 'react'
import { Link, useSearchParams } from 'react-router'
import { CodeText } from '../../../components/CodeText'
import { useTranslation } from '../../../i18n'
import { countsOf, type Change, type Overview, type ScanSummary } from '../api/insights'
import { CountBadges } from './CountBadges'
import { SeverityChart } from './SeverityChart'
import { SeverityTag } from './SeverityTag'
import './Insights.css'

const filePath = (slug: string, scan: number, file: number, line?: number) =>
  `/projects/${encodeURIComponent(slug)}/scans/${scan}/files/${file}${line ? `#L${line}` : ''}`

/** What a project's scans say: of one branch, its latest scan, its findings over time, what changed, the rules and
 * files with the most findings; then every branch's newest scan and the project's badge. */
export function ProjectOverview({ overview }: { overview: Overview }) {
  const { t } = useTranslation()
  const { project, latest, changes } = overview
  const slug = project.slug
  return (
    <div className="project-overview">
      <BranchPicker overview={overview} />
      {latest === null ? (
        <div className="card insights-empty">
          <p>
            <strong>
              {overview.branches.length === 0
                ? t('No scans yet.')
                : t('No finished scan of {{branch}} yet.', { branch: overview.branch })}
            </strong>
          </p>
          <p className="muted">
            {t('Scans come from CI (dockwright lint --upload) or from an uploaded archive of the repository.')}
          </p>
        </div>
      ) : (
        <>
          <LatestScan scan={latest} />
          <section aria-labelledby="overview-trend">
            <h2 id="overview-trend">{t('Findings over time')}</h2>
            <SeverityChart points={overview.series} />
          </section>
          {changes && (
            <section aria-labelledby="overview-changes" className="overview-changes">
              <h2 id="overview-changes">
                {changes.baseline === null ? t('New in this scan') : t('Since the previous scan')}
              </h2>
              <div className="overview-changes__columns">
                <ChangeList
                  title={t('New: {{count}}', { count: changes.new_count })}
                  empty={t('Nothing new.')}
                  changes={changes.new}
                  more={changes.new_count - changes.new.length}
                  slug={slug}
                />
                {changes.baseline !== null && (
                  <ChangeList
                    title={t('Fixed: {{count}}', { count: changes.fixed_count })}
                    empty={t('Nothing fixed.')}
                    changes={changes.fixed}
                    more={changes.fixed_count - changes.fixed.length}
                    slug={slug}
                  />
                )}
              </div>
            </section>
          )}
          <div className="overview-tops">
            <section aria-labelledby="overview-rules">
              <h2 id="overview-rules">{t('Rules with the most findings')}</h2>
              {overview.top_rules.length === 0 ? (
                <p className="muted">{t('No findings.')}</p>
              ) : (
                <table className="insights-table" aria-labelledby="overview-rules">
                  <thead>
                    <tr>
                      <th scope="col">{t('Rule')}</th>
                      <th scope="col">{t('Severity')}</th>
                      <th scope="col" className="insights-table__number">
                        {t('Findings')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.top_rules.map((row) => (
                      <tr key={row.rule}>
                        <td>
                          <Link to={`/rules/${encodeURIComponent(row.rule)}`} className="overview-rule">
                            <code>{row.rule}</code> <CodeText text={row.title} />
                          </Link>
                        </td>
                        <td>
                          <SeverityTag severity={row.severity} />
                        </td>
                        <td className="insights-table__number">{row.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section aria-labelledby="overview-files">
              <h2 id="overview-files">{t('Files with the most findings')}</h2>
              {overview.top_files.length === 0 ? (
                <p className="muted">{t('No findings.')}</p>
              ) : (
                <table className="insights-table" aria-labelledby="overview-files">
                  <thead>
                    <tr>
                      <th scope="col">{t('File')}</th>
                      <th scope="col" className="insights-table__number">
                        {t('Findings')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.top_files.map((row) => (
                      <tr key={row.id}>
                        <td>
                          <Link to={filePath(slug, latest.id, row.id)} className="insights-path">
                            {row.path}
                          </Link>
                          <CountBadges counts={countsOf(row.counts)} />
                        </td>
                        <td className="insights-table__number">{row.total}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
        </>
      )}
      {overview.branches.length > 0 && <Branches overview={overview} />}
      <Badge overview={overview} />
    </div>
  )
}

function BranchPicker({ overview }: { overview: Overview }) {
  const { t } = useTranslation()
  const id = useId()
  const [, setParams] = useSearchParams()
  const { default_branch } = overview.project
  const names = [...new Set([default_branch, overview.branch, ...overview.branches.map((scan) => scan.branch)])]
  return (
    <div className="overview-branch">
      <label htmlFor={id}>{t('Branch')}</label>
      <select
        id={id}
        value={overview.branch}
        onChange={(event) => {
          const branch = event.currentTarget.value
          setParams(branch === default_branch ? {} : { branch })
        }}
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {name === default_branch ? t('{{branch}} (default)', { branch: name }) : name || t('(no branch)')}
          </option>
        ))}
      </select>
    </div>
  )
}

function LatestScan({ scan }: { scan: ScanSummary }) {
  const { t, language } = useTranslation()
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(scan.created))
  return (
    <section aria-labelledby="overview-latest" className="card overview-latest">
      <h2 id="overview-latest">{t('Latest scan')}</h2>
      <p className="insights-facts muted">
        <span>{when}</span>
        {scan.commit && (
          <span>
            {t('Commit')} <code>{scan.commit.slice(0, 12)}</code>
          </span>
        )}
        <span>
          {scan.files_analysed === 1
            ? t('1 file analysed')
            : t('{{count}} files analysed', { count: scan.files_analysed })}
        </span>
      </p>
      <CountBadges counts={countsOf(scan.counts)} />
    </section>
  )
}

interface ChangeListProps {
  title: string
  empty: string
  changes: Change[]
  more: number
  slug: string
}

function ChangeList({ title, empty, changes, more, slug }: ChangeListProps) {
  const { t } = useTranslation()
  return (
    <div className="overview-change-list">
      <h3>{title}</h3>
      {changes.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {changes.map((change, index) => (
            <li key={`${change.scan}:${change.file}:${change.line}:${change.rule}:${index}`}>
              <SeverityTag severity={change.severity} />{' '}
              <Link to={`/rules/${encodeURIComponent(change.rule)}`}>{change.rule}</Link>{' '}
              <CodeText text={change.message} />{' '}
              <Link to={filePath(slug, change.scan, change.file, change.line)} className="insights-path">
                {change.path}:{change.line}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p className="muted">{t('And {{count}} more.', { count: more })}</p>}
    </div>
  )
}

function Branches({ overview }: { overview: Overview }) {
  const { t, language } = useTranslation()
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' })
  const status: Record<ScanSummary['status'], string> = {
    pending: t('Waiting'),
    running: t('Running'),
    done: t('Done'),
    failed: t('Failed'),
  }
  const query = (branch: string) => (branch === overview.project.default_branch ? '' : `?${new URLSearchParams({ branch })}`)
  return (
    <section aria-labelledby="overview-branches">
      <h2 id="overview-branches">{t('Branches')}</h2>
      <table className="insights-table" aria-labelledby="overview-branches">
        <thead>
          <tr>
            <th scope="col">{t('Branch')}</th>
            <th scope="col">{t('Latest scan')}</th>
            <th scope="col">{t('Status')}</th>
            <th scope="col">{t('Findings')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.branches.map((scan) => (
            <tr key={scan.id}>
              <td>
                <Link to={query(scan.branch)} aria-current={scan.branch === overview.branch ? 'true' : undefined}>
                  {scan.branch || t('(no branch)')}
                </Link>
              </td>
              <td>
                {date.format(new Date(scan.created))} {scan.commit && <code>{scan.commit.slice(0, 12)}</code>}
              </td>
              <td>{status[scan.status]}</td>
              <td>{scan.status === 'done' ? <CountBadges counts={countsOf(scan.counts)} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Badge({ overview }: { overview: Overview }) {
  const { t } = useTranslation()
  const { slug, visibility } = overview.project
  const path = `/api/v1/projects/${encodeURIComponent(slug)}/badge.svg`
  const origin = window.location.origin
  const markdown = `[![Dockwright](${origin}${path})](${origin}/projects/${encodeURIComponent(slug)})`
  return (
    <section aria-labelledby="overview-badge" className="overview-badge">
      <h2 id="overview-badge">{t('Status badge')}</h2>
      <p>
        <img src={path} alt={t('Dockwright status badge of {{project}}', { project: overview.project.name })} height={20} />
      </p>
      <p className="muted">
        {visibility === 'public'
          ? t('For the README: it shows the latest scan of the default branch to anyone.')
          : t('The project is private: the badge shows to its members only, so a README shows a broken image to others.')}
      </p>
      {visibility === 'public' && <code className="overview-badge__markdown">{markdown}</code>}
    </section>
  )
}
