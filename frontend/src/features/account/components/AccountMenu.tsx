import { useState } from 'react'
import { Link, NavLink, useLocation } from 'react-router'
import { t, useTranslation } from '../../../i18n'
import { useSession } from '../session/sessionContext'
import './AccountMenu.css'

// The signed-in user's pages; labels are read when drawn, in the language of the moment.
const ACCOUNT_PAGES = [
  { to: '/projects', label: () => t('Projects') },
  { to: '/inventory', label: () => t('Inventory') },
  { to: '/tokens', label: () => t('Tokens') },
  { to: '/history', label: () => t('History') },
]

/** The header's end: "Sign in" for visitors; their pages, their name and "Sign out" once signed in. */
export function AccountMenu() {
  useTranslation() // renders again in another language
  const { session, signOut } = useSession()
  const { pathname, search } = useLocation()
  const [signingOut, setSigningOut] = useState(false)
  const [failed, setFailed] = useState(false)

  if (session.status === 'loading') return null
  if (session.status === 'anonymous') {
    const next = pathname === '/signin' ? '' : `?next=${encodeURIComponent(pathname + search)}`
    return (
      <div className="account-menu">
        <Link to={`/signin${next}`} className="account-menu__signin">
          {t('Sign in')}
        </Link>
      </div>
    )
  }

  async function handleSignOut() {
    setSigningOut(true)
    setFailed(false)
    try {
      await signOut()
    } catch {
      setFailed(true)
    } finally {
      setSigningOut(false)
    }
  }

  return (
    <div className="account-menu">
      {ACCOUNT_PAGES.map((page) => (
        <NavLink key={page.to} to={page.to} className="account-menu__page">
          {page.label()}
        </NavLink>
      ))}
      <span className="account-menu__user">
        <span className="visually-hidden">{t('Signed in as')} </span>
        {session.username}
      </span>
      <button type="button" className="button button--small" onClick={handleSignOut} disabled={signingOut}>
        {signingOut ? t('Signing out…') : t('Sign out')}
      </button>
      {failed && (
        <span className="account-menu__error" role="alert">
          {t('Could not sign out; try again.')}
        </span>
      )}
    </div>
  )
}
