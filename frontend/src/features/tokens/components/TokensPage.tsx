import { usePageTitle } from '../../../hooks/usePageTitle'
import { useCurrentProject } from '../../../hooks/useCurrentProject'
import { useTranslation } from '../../../i18n'
import { TokenManager } from './TokenManager'

/** /tokens: the signed-in user's API tokens, and the project tokens of the projects they own. */
export function TokensPage({ username }: { username: string }) {
  const { t } = useTranslation()
  usePageTitle(t('API tokens'))
  return (
    <div className="page page--narrow">
      <h1>{t('API tokens')}</h1>
      <p className="muted">
        {t('Tokens let scripts and CI use the API as you: lint, share analyses, upload scans. Project tokens for CI are made on the project’s Tokens tab.')}
      </p>
      <TokenManager username={username} project={null} />
    </div>
  )
}

/** /projects/<slug>/tokens: the project's tokens for CI (maintainers make them, owners see them all). */
export function ProjectTokensPage() {
  const { t } = useTranslation()
  const { project, username } = useCurrentProject()
  usePageTitle(t('Tokens of {{project}}', { project: project.name }))
  return (
    <div className="project-tokens">
      <p className="muted">
        {t('Owners see every token of the project; maintainers see the ones they made.')}
      </p>
      {username && <TokenManager username={username} project={project} />}
    </div>
  )
}
