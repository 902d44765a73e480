import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { LoadingIndicator } from '../components/LoadingIndicator'
import { Notice } from '../components/Notice'
import { useSession } from '../features/account/session/sessionContext'
import { usePageTitle } from '../hooks/usePageTitle'
import { useTranslation } from '../i18n'

interface SignedInOnlyProps {
  /** The page's name, shown (and in the title) while it asks a visitor to sign in. */
  title: string
  /** The page, given the signed-in user's name. */
  children: (username: string) => ReactNode
}

/** A page for signed-in people only: visitors are asked to sign in and come back. */
export function SignedInOnly({ title, children }: SignedInOnlyProps) {
  const { session } = useSession()
  if (session.status === 'signed-in') return children(session.username)
  return <SignInPrompt title={title} checking={session.status === 'loading'} />
}

function SignInPrompt({ title, checking }: { title: string; checking: boolean }) {
  const { t } = useTranslation()
  const { pathname, search } = useLocation()
  usePageTitle(title)
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      {checking ? (
        <LoadingIndicator label={t('Checking who is signed in…')} />
      ) : (
        <Notice
          tone="info"
          title={t('Sign in to see this page')}
          action={
            <Link
              to={`/signin?next=${encodeURIComponent(pathname + search)}`}
              className="button button--primary button--small"
            >
              {t('Sign in')}
            </Link>
          }
        >
          <p>{t('Projects and API tokens belong to accounts.')}</p>
        </Notice>
      )}
    </div>
  )
}
