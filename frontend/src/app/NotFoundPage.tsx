import { Link } from 'react-router'
import { usePageTitle } from '../hooks/usePageTitle'
import { useTranslation } from '../i18n'

export function NotFoundPage() {
  const { t } = useTranslation()
  usePageTitle(t('Page not found'))
  return (
    <div className="page page--narrow">
      <h1>{t('Page not found')}</h1>
      <p className="muted">{t('There is nothing at this address. It may have been mistyped.')}</p>
      <p>
        <Link to="/">{t('Open the editor')}</Link> · <Link to="/rules">{t('Browse the rules')}</Link>
      </p>
    </div>
  )
}
