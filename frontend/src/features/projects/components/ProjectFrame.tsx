import { Suspense } from 'react'
import { Link, Outlet, useLocation, useParams } from 'react-router'
import { ApiError } from '../../../api/client'
import { roleAllows, roleName } from '../../../api/roles'
import type { Project, Role } from '../../../api/types'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { CurrentProjectContext, type CurrentProject } from '../../../hooks/useCurrentProject'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { t, useTranslation } from '../../../i18n'
import { getProject } from '../api/projects'
import './ProjectFrame.css'

interface Tab {
  /** Under /projects/<slug>; '' is the project's own address. */
  path: string
  label: () => string
  /** The role the tab's page needs; null: anyone who may read the project. */
  needs: Role | null
  /** Other paths under the project that are this tab's pages too. */
  also?: string[]
}

// The project's pages, in the order of its tabs.
const TABS: Tab[] = [
  { path: '', label: () => t('Overview'), needs: null },
  { path: 'scans', label: () => t('Scans'), needs: null },
  { path: 'upload', label: () => t('Upload'), needs: 'maintainer' },
  { path: 'members', label: () => t('Members'), needs: 'viewer' },
  { path: 'tokens', label: () => t('Tokens'), needs: 'maintainer' },
]

/** The frame of every page of a project (/projects/<slug>/…): its name, the reader's role and the tabs of its
 * pages, which get the project from it (hooks/useCurrentProject). */
export function ProjectFrame({ username }: { username: string | null }) {
  const { t } = useTranslation()
  const { slug = '' } = useParams()
  const project = useRemoteData(`project:${slug}:${username ?? ''}`, (signal) => getProject(slug, signal))

  if (project.status === 'loading') {
    return (
      <div className="page">
        <LoadingIndicator label={t('Loading the project…')} />
      </div>
    )
  }
  if (project.status === 'error') {
    if (project.error instanceof ApiError && project.error.kind === 'not-found') {
      return <ProjectNotFound signedIn={username !== null} />
    }
    return <ProjectUnavailable error={project.error} reload={project.reload} />
  }
  const context: CurrentProject = { project: project.data, username, reloadProject: project.reload }
  return (
    <div className="page project-page">
      <ProjectHeader project={project.data} />
      <Suspense fallback={<LoadingIndicator label={t('Loading…')} />}>
        <CurrentProjectContext value={context}>
          <Outlet />
        </CurrentProjectContext>
      </Suspense>
    </div>
  )
}

function ProjectHeader({ project }: { project: Project }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const base = `/projects/${project.slug}`
  const tabs = TABS.filter((tab) => tab.needs === null || roleAllows(project.role, tab.needs))
  const current = (tab: Tab) =>
    [tab.path, ...(tab.also ?? [])].some((path) =>
      path === '' ? pathname === base || pathname === `${base}/` : pathname.startsWith(`${base}/${path}`),
    )
  return (
    <div className="project-header">
      <p className="project-header__up">
        <Link to="/projects">{t('Projects')}</Link>
      </p>
      <h1>{project.name}</h1>
      <p className="project-header__facts muted">
        <code>{project.slug}</code>
        <span>{project.role ? roleName(project.role) : t('Not a member')}</span>
        <span>{project.visibility === 'public' ? t('Public') : t('Private')}</span>
        <span>{t('Default branch: {{branch}}', { branch: project.default_branch })}</span>
      </p>
      <nav aria-label={t('Project')}>
        <ul className="project-tabs">
          {tabs.map((tab) => (
            <li key={tab.path}>
              <Link
                to={tab.path ? `${base}/${tab.path}` : base}
                className={`project-tabs__link${current(tab) ? ' active' : ''}`}
                aria-current={current(tab) ? 'page' : undefined}
              >
                {tab.label()}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  )
}

function ProjectNotFound({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  usePageTitle(t('Project not found'))
  return (
    <div className="page page--narrow">
      <h1>{t('Project not found')}</h1>
      <p className="muted">{t('There is no project at this address, or it is private and you are not one of its members.')}</p>
      <p>
        {signedIn ? (
          <Link to="/projects">{t('See your projects')}</Link>
        ) : (
          <Link to={`/signin?next=${encodeURIComponent(pathname)}`}>{t('Sign in to see your projects')}</Link>
        )}
      </p>
    </div>
  )
}

function ProjectUnavailable({ error, reload }: { error: unknown; reload: () => void }) {
  const { t } = useTranslation()
  usePageTitle(t('Project'))
  return (
    <div className="page page--narrow">
      <h1>{t('Project')}</h1>
      <ErrorNotice
        error={error}
        action={
          <button type="button" className="button button--small" onClick={reload}>
            {t('Try again')}
          </button>
        }
      />
    </div>
  )
}
