import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { useCurrentProject } from '../../../hooks/useCurrentProject'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { useTranslation } from '../../../i18n'
import { getOverview, type Overview } from '../api/insights'
import { ProjectOverview } from './ProjectOverview'

/** A project's first page, in its frame: the overview of the branch the address names (`?branch=`), else of the
 * default branch. */
export function ProjectOverviewPage() {
  const { t } = useTranslation()
  const { project } = useCurrentProject()
  const slug = project.slug
  const [params] = useSearchParams()
  const branch = params.get('branch')
  usePageTitle(project.name)
  const overview = useRemoteData(`overview:${slug}:${branch ?? ''}`, (signal) => getOverview(slug, branch, signal))
  // Another branch keeps the page (and the focus in its branch picker) while it loads.
  const [kept, setKept] = useState<{ slug: string; data: Overview } | null>(null)
  if (overview.status === 'success' && kept?.data !== overview.data) setKept({ slug, data: overview.data })
  const shown =
    overview.status === 'success'
      ? overview.data
      : overview.status === 'loading' && kept?.slug === slug
        ? kept.data
        : null

  if (overview.status === 'error') {
    return (
      <ErrorNotice
        error={overview.error}
        action={
          <button type="button" className="button button--small" onClick={overview.reload}>
            {t('Try again')}
          </button>
        }
      />
    )
  }
  if (!shown) return <LoadingIndicator label={t('Loading the overview…')} />
  return (
    <div aria-busy={overview.status === 'loading'}>
      <ProjectOverview overview={shown} />
    </div>
  )
}
