import { useId, useRef, useState, type FormEvent } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { Notice } from '../../../components/Notice'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { signIn } from '../api/session'
import { nextPath } from '../lib/nextPath'
import { signInErrorMessage } from '../lib/signInErrorMessage'
import { useSession } from '../session/sessionContext'
import { useTranslation } from '../../../i18n'
import './SignInPage.css'

type FieldErrors = { username?: string; password?: string }

export function SignInPage() {
  const { t } = useTranslation()
  usePageTitle(t('Sign in'))
  const { session, recordSession } = useSession()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const ids = { username: useId(), password: useId(), usernameError: useId(), passwordError: useId() }
  const usernameInput = useRef<HTMLInputElement>(null)
  const passwordInput = useRef<HTMLInputElement>(null)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const next = nextPath(params.get('next'))

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const errors: FieldErrors = {}
    if (!username.trim()) errors.username = t('Enter your username.')
    if (!password) errors.password = t('Enter your password.')
    setFieldErrors(errors)
    setFailure(null)
    if (errors.username) usernameInput.current?.focus()
    else if (errors.password) passwordInput.current?.focus()
    if (errors.username || errors.password) return
    setPending(true)
    try {
      recordSession(await signIn({ username: username.trim(), password }))
      navigate(next, { replace: true })
    } catch (error) {
      setFailure(signInErrorMessage(error))
      setPassword('')
      passwordInput.current?.focus()
    } finally {
      setPending(false)
    }
  }

  if (session.status === 'loading') {
    return (
      <div className="page page--narrow">
        <LoadingIndicator label={t('Checking who is signed in…')} />
      </div>
    )
  }
  if (session.status === 'signed-in' && !pending) {
    return (
      <div className="page page--narrow signin-page">
        <h1>{t('Signed in')}</h1>
        <p>
          {t('You are signed in as')} <strong>{session.username}</strong>
        </p>
        <p>
          <Link to="/history">{t('See your history')}</Link> · <Link to="/">{t('Open the editor')}</Link>
        </p>
      </div>
    )
  }

  return (
    <div className="page page--narrow signin-page">
      <h1>{t('Sign in')}</h1>
      <p className="muted">
        {t(
          'Sign in to keep every analysis you run in the editor in your history. The editor works without an account too.',
        )}
      </p>
      <form className="signin-form card" onSubmit={handleSubmit} noValidate aria-label={t('Sign in')}>
        {failure && (
          <Notice tone="error" title={t('Could not sign in')}>
            <p>{failure}</p>
          </Notice>
        )}
        <div className="signin-form__field">
          <label htmlFor={ids.username}>{t('Username')}</label>
          <input
            ref={usernameInput}
            id={ids.username}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            aria-invalid={fieldErrors.username ? true : undefined}
            aria-describedby={fieldErrors.username ? ids.usernameError : undefined}
          />
          {fieldErrors.username && (
            <p id={ids.usernameError} className="signin-form__error">
              {fieldErrors.username}
            </p>
          )}
        </div>
        <div className="signin-form__field">
          <label htmlFor={ids.password}>{t('Password')}</label>
          <input
            ref={passwordInput}
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={fieldErrors.password ? ids.passwordError : undefined}
          />
          {fieldErrors.password && (
            <p id={ids.passwordError} className="signin-form__error">
              {fieldErrors.password}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary signin-form__submit" disabled={pending}>
          {pending ? t('Signing in…') : t('Sign in')}
        </button>
      </form>
      <p className="signin-page__accounts muted">
        {t(
          "There is no open sign-up: an account comes with an invitation link from a project's owners, or from the people who run this Dockwright server (in the Django admin or with manage.py createsuperuser). Ask them for one.",
        )}
      </p>
    </div>
  )
}
