import { Suspense, type ReactNode } from 'react'
import { NavLink, Outlet, useLocation } from 'react-router'
import { t, useTranslation } from '../i18n'
import { HeaderMenu } from './HeaderMenu'
import { LanguageSwitch } from './LanguageSwitch'
import { LoadingIndicator } from './LoadingIndicator'
import { PageErrorBoundary } from './PageErrorBoundary'
import './Layout.css'

// Labels are read when drawn, in the language of the moment.
const NAV_ITEMS = [
  { to: '/', label: () => t('Editor'), end: true },
  { to: '/rules', label: () => t('Rules'), end: false },
  { to: '/about', label: () => t('About'), end: false },
]

// A permalink (/a/<id>) is the editor too.
function isEditorPath(pathname: string): boolean {
  return pathname === '/' || pathname.startsWith('/a/')
}

/** The page frame. `accountMenu` fills the header's end; the app passes the account feature's menu. */
export function Layout({ accountMenu }: { accountMenu?: ReactNode }) {
  const { pathname } = useLocation()
  const { t } = useTranslation()
  return (
    <>
      <a className="skip-link" href="#main">
        {t('Skip to content')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand" aria-label={t('Dockwright home')}>
            <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M7 19h18l-2.5 5.5H9.5z" fill="#fff" />
              <path d="M9 12h4v4H9zm5 0h4v4h-4zm5 0h4v4h-4zm-5-5h4v4h-4z" fill="#fff" opacity=".85" />
            </svg>
            <span className="brand__name">Dockwright</span>
          </NavLink>
          <nav aria-label={t('Main')}>
            <ul className="site-nav">
              {NAV_ITEMS.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      `site-nav__link${isActive || (item.to === '/' && isEditorPath(pathname)) ? ' active' : ''}`
                    }
                    aria-current={item.to === '/' && isEditorPath(pathname) ? 'page' : undefined}
                  >
                    {item.label()}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <HeaderMenu>
            <LanguageSwitch />
            {accountMenu}
          </HeaderMenu>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <PageErrorBoundary resetKey={pathname}>
          <Suspense
            fallback={
              <div className="page">
                <LoadingIndicator label={t('Loading…')} />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
    </>
  )
}
