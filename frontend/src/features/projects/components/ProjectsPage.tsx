import { Link } from 'react-router'
import { roleName } from '../../../api/roles'
import type { Project } from '../../../api/types'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { TimeText } from '../../../components/TimeText'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { useTranslation } from '../../../i18n'
import { listProjects } from '../api/projects'
import { CreateProjectForm } from './CreateProjectForm'
import '../../../styles/items.css'

/** The signed-in user's projects with their role, the public projects, and making a new one. */
export function ProjectsPage({ username }: { username: string }) {
  const { t } = useTranslation()
  usePageTitle(t('Projects'))
  const projects = useRemoteData(`projects:${username}`, (signal) => listProjects(signal))

  return (
    <div className="page page--narrow">
      <h1>{t('Projects')}</h1>
      <p className="muted">{t('A project holds the scans of one repository and the people who may read them.')}</p>
      <p>
        <Link to="/tokens">{t('Your API tokens')}</Link> · <Link to="/history">{t('Your history')}</Link>
      </p>
      {projects.status === 'loading' && <LoadingIndicator label={t('Loading your projects…')} />}
      {projects.status === 'error' && (
        <ErrorNotice
          error={projects.error}
          action={
            <button type="button" className="button button--small" onClick={projects.reload}>
              {t('Try again')}
            </button>
          }
        />
      )}
      {projects.status === 'success' && <ProjectLists projects={projects.data} />}
      <CreateProjectForm />
    </div>
  )
}

function ProjectLists({ projects }: { projects: Project[] }) {
  const { t } = useTranslation()
  const mine = projects.filter((project) => project.role !== null)
  const others = projects.filter((project) => project.role === null)
  return (
    <>
      {mine.length === 0 ? (
        <p className="card item-card">{t('You are in no project yet. Create one below, or ask an owner for an invitation link.')}</p>
      ) : (
        <ul className="item-list" aria-label={t('Your projects')}>
          {mine.map((project) => (
            <li key={project.slug}>
              <ProjectCard project={project} />
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <section aria-labelledby="public-projects">
          <h2 id="public-projects">{t('Public projects')}</h2>
          <ul className="item-list">
            {others.map((project) => (
              <li key={project.slug}>
                <ProjectCard project={project} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

function ProjectCard({ project }: { project: Project }) {
  const { t } = useTranslation()
  return (
    <article className="card item-card" aria-label={project.name}>
      <div className="item-card__main">
        <h2 className="item-card__title">
          <Link to={`/projects/${project.slug}`}>{project.name}</Link>
        </h2>
        <dl className="item-card__facts">
          <div>
            <dt>{t('Slug')}</dt>
            <dd>
              <code>{project.slug}</code>
            </dd>
          </div>
          <div>
            <dt>{t('Created')}</dt>
            <dd>
              <TimeText value={project.created} format="date" />
            </dd>
          </div>
        </dl>
      </div>
      <div className="item-card__actions">
        {project.visibility === 'public' && <span className="pill">{t('Public')}</span>}
        {project.role && <span className="pill pill--accent">{roleName(project.role)}</span>}
      </div>
    </article>
  )
}
