import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { ApiError } from '../../../api/client'
import { fieldError } from '../../../api/fieldErrors'
import { roleName } from '../../../api/roles'
import type { InvitationFound } from '../../../api/types'
import { FailureNotice } from '../../../components/FailureNotice'
import { formatTime } from '../../../components/formatTime'
import { FormField } from '../../../components/FormField'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { t, useTranslation } from '../../../i18n'
import { acceptInvitation, lookupInvitation } from '../api/invitations'
import { signIn } from '../api/session'
import { signInErrorMessage } from '../lib/signInErrorMessage'
import { useSession } from '../session/sessionContext'
import './InvitePage.css'

/**
 * /invite#<secret>: what the invitation is for, then joining. The secret is in the fragment, which browsers never
 * send to a server, and it goes to the API in request bodies only. Signed in, one click joins; otherwise the
 * visitor creates their account with it, or signs in to the one they have.
 */
export function InvitePage() {
  const { t } = useTranslation()
  usePageTitle(t('Invitation'))
  const token = useLocation().hash.replace(/^#/, '')
  if (!token) {
    return (
      <InviteFrame title={t('This invitation link is incomplete')}>
        <p>{t('The part after the # is missing. Open the whole link you were sent, or ask for a new one.')}</p>
      </InviteFrame>
    )
  }
  return <Invitation token={token} />
}

function InviteFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page page--narrow invite-page">
      <h1>{title}</h1>
      {children}
    </div>
  )
}

function Invitation({ token }: { token: string }) {
  const { t, language } = useTranslation()
  const { session } = useSession()
  const found = useRemoteData(`invitation:${token}`, (signal) => lookupInvitation(token, signal))

  if (found.status === 'loading' || session.status === 'loading') {
    return (
      <InviteFrame title={t('Invitation')}>
        <LoadingIndicator label={t('Reading the invitation…')} />
      </InviteFrame>
    )
  }
  if (found.status === 'error') {
    if (found.error instanceof ApiError && found.error.kind === 'not-found') {
      return (
        <InviteFrame title={t('This invitation cannot be used')}>
          <p>{t('It was used already, it expired or it was revoked. Ask whoever sent it for a new link.')}</p>
        </InviteFrame>
      )
    }
    return (
      <InviteFrame title={t('Invitation')}>
        <ErrorNotice
          error={found.error}
          action={
            <button type="button" className="button button--small" onClick={found.reload}>
              {t('Try again')}
            </button>
          }
        />
      </InviteFrame>
    )
  }

  const invitation = found.data
  const project = invitation.project
  return (
    <InviteFrame title={project ? t('Join {{project}}', { project: project.name }) : t('Join Dockwright')}>
      <p>{invitationText(invitation)}</p>
      <p className="muted">
        {t('The link works once, until {{date}}.', { date: formatTime(invitation.expires_at, language) })}
      </p>
      {session.status === 'signed-in' ? (
        <AcceptAsYou token={token} invitation={invitation} username={session.username} />
      ) : (
        <AcceptAsVisitor token={token} invitation={invitation} />
      )}
    </InviteFrame>
  )
}

function invitationText(invitation: InvitationFound): string {
  const role = roleName(invitation.role)
  if (!invitation.project) {
    return invitation.invited_by
      ? t('{{user}} invites you to make an account on this Dockwright server.', { user: invitation.invited_by })
      : t('You are invited to make an account on this Dockwright server.')
  }
  const project = invitation.project.name
  return invitation.invited_by
    ? t('{{user}} invites you to join the project {{project}} as {{role}}.', { user: invitation.invited_by, project, role })
    : t('You are invited to join the project {{project}} as {{role}}.', { project, role })
}

/** Where to go once joined: the project, or the projects page for an invitation to the site. */
function useAfterJoining(invitation: InvitationFound) {
  const { recordSession } = useSession()
  const navigate = useNavigate()
  return (username: string) => {
    recordSession({ authenticated: true, username })
    navigate(invitation.project ? `/projects/${invitation.project.slug}` : '/projects', { replace: true })
  }
}

function AcceptAsYou({ token, invitation, username }: { token: string; invitation: InvitationFound; username: string }) {
  const { t } = useTranslation()
  const { signOut } = useSession()
  const joined = useAfterJoining(invitation)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function accept() {
    setPending(true)
    setError(null)
    try {
      joined((await acceptInvitation(token)).username)
    } catch (failure) {
      setError(failure)
      setPending(false)
    }
  }

  return (
    <div className="card invite-page__card">
      {error !== null && <FailureNotice title={t('Could not accept the invitation')} error={error} />}
      <p>{t('You will join as {{username}}.', { username })}</p>
      <div className="form-card__actions">
        <button type="button" className="button button--primary" onClick={accept} disabled={pending}>
          {pending ? t('Joining…') : t('Accept the invitation')}
        </button>
        <button type="button" className="button" onClick={() => void signOut().catch(() => undefined)} disabled={pending}>
          {t('Not you? Sign out')}
        </button>
      </div>
    </div>
  )
}

function AcceptAsVisitor({ token, invitation }: { token: string; invitation: InvitationFound }) {
  const { t } = useTranslation()
  const { recordSession } = useSession()
  const joined = useAfterJoining(invitation)
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<{ failure: unknown; message: string } | null>(null)
  const signingUp = mode === 'sign-up'

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setError(null)
    const account = { username: username.trim(), password }
    try {
      if (signingUp) {
        joined((await acceptInvitation(token, account)).username)
        return
      }
      try {
        recordSession(await signIn(account))
      } catch (failure) {
        setError({ failure, message: signInErrorMessage(failure) })
        setPassword('')
        setPending(false)
        return
      }
      joined((await acceptInvitation(token)).username)
    } catch (failure) {
      setError({ failure, message: failure instanceof Error ? failure.message : String(failure) })
      setPending(false)
    }
  }

  function switchTo(next: 'sign-up' | 'sign-in') {
    setMode(next)
    setError(null)
    setPassword('')
  }

  const fieldOf = (field: string) => (error ? fieldError(error.failure, field) : null)
  const formError = error && !fieldOf('username') && !fieldOf('password') ? error.message : null
  const title = signingUp ? t('Create your account') : t('Sign in to your account')
  return (
    <form className="card form-card invite-page__card" onSubmit={handleSubmit} aria-labelledby="invite-form-heading">
      <h2 id="invite-form-heading">{title}</h2>
      {formError && (
        <Notice tone="error" title={signingUp ? t('Could not create the account') : t('Could not sign in')}>
          <p>{formError}</p>
        </Notice>
      )}
      <FormField label={t('Username')} error={fieldOf('username')}>
        {(field) => (
          <input
            {...field}
            type="text"
            required
            maxLength={150}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
          />
        )}
      </FormField>
      <FormField
        label={t('Password')}
        hint={signingUp ? t('At least 8 characters, not only digits, not a common password, not like your username.') : undefined}
        error={fieldOf('password')}
      >
        {(field) => (
          <input
            {...field}
            type="password"
            required
            autoComplete={signingUp ? 'new-password' : 'current-password'}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
        )}
      </FormField>
      <div className="form-card__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('Joining…') : signingUp ? t('Create account and join') : t('Sign in and join')}
        </button>
      </div>
      <p className="muted">
        {signingUp ? t('Already have an account here?') : t('No account here yet?')}{' '}
        <button type="button" className="link-button" onClick={() => switchTo(signingUp ? 'sign-in' : 'sign-up')}>
          {signingUp ? t('Sign in instead') : t('Create one instead')}
        </button>
      </p>
      <p className="muted">
        <Link to="/">{t('Open the editor')}</Link>
      </p>
    </form>
  )
}
