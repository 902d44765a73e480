import { useEffect, useId, useState, type ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ApiError } from '../../../api/client'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { useTranslation } from '../../../i18n'
import {
  getInventorySummary,
  inventoryCsvUrl,
  listInventory,
  type ImageRow,
  type InventoryPage as Page,
  type InventorySummary,
  type PortRow,
  type RootRow,
} from '../api/insights'
import { filterParams, readFilter, type InventoryFilter, type InventorySection } from '../lib/inventoryFilter'
import './Insights.css'

const PAGE_SIZE = 50
// Typing in the search box asks the server once the typing pauses, not at every key.
const SEARCH_DELAY_MS = 300

const placeLink = (row: { project: string; scan: number; file: number; line: number }) =>
  `/projects/${encodeURIComponent(row.project)}/scans/${row.scan}/files/${row.file}#L${row.line}`

/** Across the projects one belongs to: the images in use, what runs as root, the published database ports. */
export function InventoryPage() {
  const { t } = useTranslation()
  usePageTitle(t('Inventory'))
  const summary = useRemoteData('inventory', getInventorySummary)
  const signedOut = summary.status === 'error' && summary.error instanceof ApiError && summary.error.kind === 'forbidden'
  return (
    <div className="page inventory-page">
      <h1>{t('Inventory')}</h1>
      <p className="muted">
        {t(
          'What runs in your projects, from the latest scan of each default branch: images and their end of life, what runs as root, and which database ports are published.',
        )}
      </p>
      {summary.status === 'loading' && <LoadingIndicator label={t('Loading your inventory…')} />}
      {signedOut && (
        <Notice
          tone="info"
          title={t('Sign in to see your inventory')}
          action={
            <Link to="/signin?next=%2Finventory" className="button button--primary button--small">
              {t('Sign in')}
            </Link>
          }
        >
          <p>{t('The inventory covers the projects you belong to.')}</p>
        </Notice>
      )}
      {summary.status === 'error' && !signedOut && (
        <ErrorNotice
          error={summary.error}
          action={
            <button type="button" className="button button--small" onClick={summary.reload}>
              {t('Try again')}
            </button>
          }
        />
      )}
      {summary.status === 'success' && <Inventory summary={summary.data} />}
    </div>
  )
}

function Inventory({ summary }: { summary: InventorySummary }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const filter = readFilter(params)
  const update = (change: Partial<InventoryFilter>) =>
    setParams(filterParams({ ...filter, page: 1, ...change }), { replace: true })

  if (summary.projects.length === 0) {
    return (
      <div className="card insights-empty">
        <p>
          <strong>{t('Nothing to show yet.')}</strong>
        </p>
        <p className="muted">{t('None of your projects has a finished scan of its default branch.')}</p>
      </div>
    )
  }
  const { counts } = summary
  const sections: { section: InventorySection; label: string }[] = [
    { section: 'images', label: t('Images ({{count}})', { count: counts.images }) },
    { section: 'root', label: t('Runs as root ({{count}})', { count: counts.root }) },
    { section: 'ports', label: t('Database ports ({{count}})', { count: counts.database_ports }) },
  ]
  return (
    <>
      <p className="insights-facts">
        <span>
          {summary.projects.length === 1
            ? t('1 project')
            : t('{{count}} projects', { count: summary.projects.length })}
          {': '}
          {summary.projects.map((project, index) => (
            <span key={project.slug}>
              {index > 0 && ', '}
              <Link to={`/projects/${encodeURIComponent(project.slug)}`}>{project.name}</Link>
            </span>
          ))}
        </span>
        <span>{t('{{count}} images past their end of life', { count: counts.images_past_end_of_life })}</span>
        <span>{t('{{count}} database ports on every interface', { count: counts.database_ports_exposed })}</span>
      </p>
      {!summary.complete && (
        <Notice tone="warning" title={t('Only part of your inventory is shown')}>
          <p>{t('Your projects hold more entries than one answer reads; filter by project to see the rest.')}</p>
        </Notice>
      )}
      <nav aria-label={t('Inventory sections')}>
        <ul className="inventory-sections">
          {sections.map(({ section, label }) => (
            <li key={section}>
              <Link
                to={`?${filterParams({ ...filter, section, page: 1 })}`}
                className={`inventory-sections__link${filter.section === section ? ' active' : ''}`}
                aria-current={filter.section === section ? 'page' : undefined}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Filters summary={summary} filter={filter} update={update} />
      <SectionTable filter={filter} />
    </>
  )
}

interface FiltersProps {
  summary: InventorySummary
  filter: InventoryFilter
  update: (change: Partial<InventoryFilter>) => void
}

function Filters({ summary, filter, update }: FiltersProps) {
  const { t } = useTranslation()
  const ids = { project: useId(), q: useId() }
  const [draft, setDraft] = useState(filter.q)
  const [typed, setTyped] = useState(filter.q)
  if (filter.q !== typed) {
    // The address changed under the box (back, a section link): show what it says.
    setTyped(filter.q)
    setDraft(filter.q)
  }
  useEffect(() => {
    if (draft === filter.q) return
    const timer = window.setTimeout(() => {
      setTyped(draft)
      update({ q: draft })
    }, SEARCH_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [draft, filter.q, update])

  return (
    <form className="inventory-filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="inventory-filters__field">
        <label htmlFor={ids.project}>{t('Project')}</label>
        <select id={ids.project} value={filter.project} onChange={(event) => update({ project: event.currentTarget.value })}>
          <option value="">{t('All projects')}</option>
          {summary.projects.map((project) => (
            <option key={project.slug} value={project.slug}>
              {project.name}
            </option>
          ))}
        </select>
      </div>
      <div className="inventory-filters__field inventory-filters__field--grow">
        <label htmlFor={ids.q}>{t('Search')}</label>
        <input
          id={ids.q}
          type="search"
          value={draft}
          placeholder={filter.section === 'images' ? t('python, nginx:1.27…') : t('path, service, image…')}
          onChange={(event) => setDraft(event.currentTarget.value)}
        />
      </div>
      {filter.section === 'images' && (
        <Choice
          label={t('End of life')}
          value={filter.eol}
          choose={(eol) => update({ eol })}
          options={[
            ['', t('Any')],
            ['past', t('Past its end of life')],
            ['soon', t('Ending within 6 months')],
            ['known', t('Date known')],
            ['unknown', t('Date not known')],
          ]}
        />
      )}
      {filter.section === 'root' && (
        <Choice
          label={t('Why')}
          value={filter.reason}
          choose={(reason) => update({ reason })}
          options={[
            ['', t('Any')],
            ['user', t('The file sets root')],
            ['image', t('The image runs as root')],
          ]}
        />
      )}
      {filter.section === 'ports' && (
        <Choice
          label={t('Interface')}
          value={filter.exposed}
          choose={(exposed) => update({ exposed })}
          options={[
            ['', t('Any')],
            ['true', t('Every interface')],
            ['false', t('One address')],
          ]}
        />
      )}
      <a className="button button--small inventory-filters__csv" href={inventoryCsvUrl(filter)} download>
        {t('Download CSV')}
      </a>
    </form>
  )
}

interface ChoiceProps<Value extends string> {
  label: string
  value: Value
  choose: (value: Value) => void
  options: [Value, string][]
}

/** A filter that is one of a few values. */
function Choice<Value extends string>({ label, value, choose, options }: ChoiceProps<Value>) {
  const id = useId()
  return (
    <div className="inventory-filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => choose(event.currentTarget.value as Value)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

function SectionTable({ filter }: { filter: InventoryFilter }) {
  const { t } = useTranslation()
  const key = `inventory:${filterParams(filter).toString()}`
  const page = useRemoteData(key, (signal) => listInventory<ImageRow | RootRow | PortRow>(filter, signal))
  if (page.status === 'loading') return <LoadingIndicator label={t('Loading…')} />
  if (page.status === 'error') {
    return (
      <ErrorNotice
        error={page.error}
        action={
          <button type="button" className="button button--small" onClick={page.reload}>
            {t('Try again')}
          </button>
        }
      />
    )
  }
  const data = page.data
  if (data.count === 0) return <p className="muted inventory-none">{t('Nothing matches these filters.')}</p>
  return (
    <>
      <p className="muted" role="status">
        {data.count === 1 ? t('1 row') : t('{{count}} rows', { count: data.count })}
      </p>
      {filter.section === 'images' && <ImagesTable rows={data.results as ImageRow[]} />}
      {filter.section === 'root' && <RootTable rows={data.results as RootRow[]} />}
      {filter.section === 'ports' && <PortsTable rows={data.results as PortRow[]} />}
      <Pagination filter={filter} data={data} />
    </>
  )
}

function Table({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="insights-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="insights-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

function ImagesTable({ rows }: { rows: ImageRow[] }) {
  const { t, language } = useTranslation()
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })
  return (
    <Table caption={t('Images in use')} headers={[t('Image'), t('Files'), t('Projects'), t('End of life'), t('Where')]}>
      {rows.map((row) => (
        <tr key={row.reference}>
          <td>
            <code className="inventory-image">{row.reference}</code>
            {!row.tag && <span className="muted"> {t('(no tag: latest)')}</span>}
          </td>
          <td className="insights-table__number">{row.files}</td>
          <td>{row.projects.join(', ')}</td>
          <td>
            {row.end_of_life ? (
              <span className={row.past_end_of_life ? 'inventory-eol inventory-eol--past' : 'inventory-eol'}>
                {date.format(new Date(row.end_of_life))} ({row.release})
                {row.past_end_of_life && <strong> {t('past')}</strong>}
              </span>
            ) : (
              <span className="muted">{t('not known')}</span>
            )}
          </td>
          <td>
            <ul className="inventory-places">
              {row.examples.map((place) => (
                <li key={`${place.file}:${place.line}`}>
                  <Link to={placeLink(place)} className="insights-path">
                    {place.project}: {place.path}:{place.line}
                  </Link>
                </li>
              ))}
              {row.files > row.examples.length && (
                <li className="muted">{t('and {{count}} more files', { count: row.files - row.examples.length })}</li>
              )}
            </ul>
          </td>
        </tr>
      ))}
    </Table>
  )
}

function RootTable({ rows }: { rows: RootRow[] }) {
  const { t } = useTranslation()
  return (
    <Table caption={t('What runs as root')} headers={[t('File'), t('Stage or service'), t('User'), t('Why'), t('Image')]}>
      {rows.map((row) => (
        <tr key={`${row.file}:${row.line}:${row.where}`}>
          <td>
            <Link to={placeLink(row)} className="insights-path">
              {row.project}: {row.path}:{row.line}
            </Link>
          </td>
          <td>
            <code>{row.where}</code>
          </td>
          <td>
            <code>{row.user}</code>
          </td>
          <td>{row.reason === 'user' ? t('The file sets it') : t("The image's default user")}</td>
          <td>{row.image ? <code>{row.image}</code> : <span className="muted">{t('built here')}</span>}</td>
        </tr>
      ))}
    </Table>
  )
}

function PortsTable({ rows }: { rows: PortRow[] }) {
  const { t } = useTranslation()
  return (
    <Table
      caption={t('Published database ports')}
      headers={[t('File'), t('Service'), t('Database'), t('Published'), t('Interface')]}
    >
      {rows.map((row) => (
        <tr key={`${row.file}:${row.line}`}>
          <td>
            <Link to={placeLink(row)} className="insights-path">
              {row.project}: {row.path}:{row.line}
            </Link>
          </td>
          <td>
            <code>{row.where}</code>
          </td>
          <td>{row.database}</td>
          <td>
            <code>
              {row.published || t('any')} → {row.target}/{row.protocol}
            </code>
          </td>
          <td>
            {row.all_interfaces ? (
              <strong className="inventory-exposed">{t('Every interface')}</strong>
            ) : (
              <code>{row.host_ip}</code>
            )}
          </td>
        </tr>
      ))}
    </Table>
  )
}

function Pagination({ filter, data }: { filter: InventoryFilter; data: Page<unknown> }) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(data.count / PAGE_SIZE))
  if (pages === 1) return null
  const to = (page: number) => `?${filterParams({ ...filter, page })}`
  return (
    <nav className="inventory-pagination" aria-label={t('Pages')}>
      {data.previous ? (
        <Link to={to(filter.page - 1)} rel="prev" className="button button--small">
          {t('← Previous')}
        </Link>
      ) : (
        <span />
      )}
      <span>{t('Page {{page}} of {{pages}}', { page: filter.page, pages })}</span>
      {data.next ? (
        <Link to={to(filter.page + 1)} rel="next" className="button button--small">
          {t('Next →')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
