import { Link } from 'react-router'
import { useCurrentProject } from '../../../hooks/useCurrentProject'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useTranslation } from '../../../i18n'

/** An address under a project that is none of its pages (the project itself exists and is readable). */
export function ProjectPageNotFound() {
  const { t } = useTranslation()
  const { project } = useCurrentProject()
  usePageTitle(t('Page not found'))
  return (
    <section aria-labelledby="project-page-not-found">
      <h2 id="project-page-not-found">{t('Page not found')}</h2>
      <p className="muted">
        {t('This project has no such page.')} <Link to={`/projects/${project.slug}`}>{t('See its scans')}</Link>
      </p>
    </section>
  )
}
