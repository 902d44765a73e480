import { useState } from 'react'
import { Link, NavLink, useLocation } from 'react-router'
import { useSession } from '../session/sessionContext'
import './AccountMenu.css'

/** The header's end: "Sign in" for visitors; the user's name, their history and "Sign out" once signed in. */
export function AccountMenu() {
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
          Sign in
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
      <NavLink to="/history" className="account-menu__history">
        History
      </NavLink>
      <span className="account-menu__user">
        <span className="visually-hidden">Signed in as </span>
        {session.username}
      </span>
      <button type="button" className="button button--small" onClick={handleSignOut} disabled={signingOut}>
        {signingOut ? 'Signing out…' : 'Sign out'}
      </button>
      {failed && (
        <span className="account-menu__error" role="alert">
          Could not sign out; try again.
        </span>
      )}
    </div>
  )
}
