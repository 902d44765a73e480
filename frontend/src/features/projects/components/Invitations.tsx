import { useEffect, useRef, useState, type FormEvent } from 'react'
import { fieldError } from '../../../api/fieldErrors'
import { ROLES, roleName } from '../../../api/roles'
import type { Invitation, NewInvitation, Role } from '../../../api/types'
import { ConfirmAction } from '../../../components/ConfirmAction'
import { CopyField } from '../../../components/CopyField'
import { FailureNotice } from '../../../components/FailureNotice'
import { FormField } from '../../../components/FormField'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { formatTime } from '../../../components/formatTime'
import { TimeText } from '../../../components/TimeText'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { useTranslation } from '../../../i18n'
import { createInvitation, listInvitations, revokeInvitation } from '../api/projects'

const DEFAULT_DAYS = 7
const MAX_DAYS = 90

/** Owners invite people by link: a new link is shown once; the open ones are listed and can be revoked. */
export function Invitations({ slug }: { slug: string }) {
  const { t } = useTranslation()
  const invitations = useRemoteData(`invitations:${slug}`, (signal) => listInvitations(slug, signal))
  // The link just made: in memory only, dropped when dismissed or when the page goes.
  const [created, setCreated] = useState<NewInvitation | null>(null)

  return (
    <section aria-labelledby="invitations-heading" className="invitations">
      <h2 id="invitations-heading">{t('Invitations')}</h2>
      <p className="muted">
        {t('An invitation link lets one person join with the role it gives: they sign in, or create an account, when they open it.')}
      </p>
      {created && <NewInvitationLink invitation={created} onDone={() => setCreated(null)} />}
      <InviteForm
        slug={slug}
        onCreated={(invitation) => {
          setCreated(invitation)
          invitations.reload()
        }}
      />
      <h3 id="open-invitations">{t('Open invitations')}</h3>
      {invitations.status === 'loading' && <LoadingIndicator label={t('Loading invitations…')} />}
      {invitations.status === 'error' && <ErrorNotice error={invitations.error} />}
      {invitations.status === 'success' &&
        (invitations.data.length === 0 ? (
          <p className="muted">{t('No open invitations.')}</p>
        ) : (
          <ul className="item-list" aria-labelledby="open-invitations">
            {invitations.data.map((invitation) => (
              <li key={invitation.id}>
                <InvitationCard slug={slug} invitation={invitation} onRevoked={invitations.reload} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}

function NewInvitationLink({ invitation, onDone }: { invitation: NewInvitation; onDone: () => void }) {
  const { t, language } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <div className="card invitation-link" role="region" aria-labelledby="new-invitation-heading">
      <h3 id="new-invitation-heading" ref={heading} tabIndex={-1}>
        {t('Copy the invitation link now')}
      </h3>
      <p>
        <strong>{t('It is shown only this once.')}</strong>{' '}
        {t('It works once, for one person, as {{role}}, until {{date}}.', {
          role: roleName(invitation.role),
          date: formatTime(invitation.expires_at, language),
        })}
      </p>
      <CopyField label={t('Invitation link')} value={invitation.url} />
      <div>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('I have copied it')}
        </button>
      </div>
    </div>
  )
}

function InviteForm({ slug, onCreated }: { slug: string; onCreated: (invitation: NewInvitation) => void }) {
  const { t } = useTranslation()
  const [role, setRole] = useState<Role>('viewer')
  const [note, setNote] = useState('')
  const [days, setDays] = useState(String(DEFAULT_DAYS))
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setError(null)
    try {
      onCreated(await createInvitation(slug, { role, note: note.trim(), days: Number(days) }))
      setNote('')
    } catch (failure) {
      setError(failure)
    } finally {
      setPending(false)
    }
  }

  const named = ['role', 'note', 'days'].some((field) => fieldError(error, field) !== null)
  return (
    <form className="card form-card" onSubmit={handleSubmit} aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('Invite by link')}</h3>
      {error !== null && !named && <FailureNotice title={t('Could not make the invitation')} error={error} />}
      <div className="form-card__row">
        <FormField label={t('Role')} error={fieldError(error, 'role')}>
          {(field) => (
            <select {...field} value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
              {ROLES.map((item) => (
                <option key={item} value={item}>
                  {roleName(item)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('Valid for (days)')} hint={t('From 1 to {{max}}.', { max: MAX_DAYS })} error={fieldError(error, 'days')}>
          {(field) => (
            <input
              {...field}
              type="number"
              min={1}
              max={MAX_DAYS}
              required
              value={days}
              onChange={(event) => setDays(event.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField label={t('Note')} hint={t('Whom it is for, as a reminder.')} error={fieldError(error, 'note')}>
          {(field) => (
            <input
              {...field}
              type="text"
              maxLength={255}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-card__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('Making…') : t('Make invitation link')}
        </button>
      </div>
    </form>
  )
}

type Revocation = { status: 'idle' | 'confirming' | 'working' } | { status: 'error'; error: unknown }

function InvitationCard({ slug, invitation, onRevoked }: { slug: string; invitation: Invitation; onRevoked: () => void }) {
  const { t } = useTranslation()
  const [revocation, setRevocation] = useState<Revocation>({ status: 'idle' })
  const name = invitation.note || t('Invitation {{id}}', { id: invitation.id })

  async function revoke() {
    setRevocation({ status: 'working' })
    try {
      await revokeInvitation(slug, invitation.id)
      onRevoked()
    } catch (error) {
      setRevocation({ status: 'error', error })
    }
  }

  return (
    <article className="card item-card" aria-label={name}>
      <div className="item-card__main">
        <h4 className="item-card__title">{name}</h4>
        <dl className="item-card__facts">
          <div>
            <dt>{t('Role')}</dt>
            <dd>{roleName(invitation.role)}</dd>
          </div>
          <div>
            <dt>{t('Created')}</dt>
            <dd>
              <TimeText value={invitation.created} format="date" />
            </dd>
          </div>
          <div>
            <dt>{t('Expires')}</dt>
            <dd>
              <TimeText value={invitation.expires_at} />
            </dd>
          </div>
        </dl>
      </div>
      <div className="item-card__actions">
        {revocation.status === 'confirming' ? (
          <ConfirmAction
            label={t('Revoke {{name}}?', { name })}
            question={t('Revoke it? Its link stops working.')}
            confirmLabel={t('Revoke')}
            onConfirm={revoke}
            onCancel={() => setRevocation({ status: 'idle' })}
          />
        ) : (
          <button
            type="button"
            className="button button--small button--danger"
            disabled={revocation.status === 'working'}
            onClick={() => setRevocation({ status: 'confirming' })}
          >
            {t('Revoke')} <span className="visually-hidden">{name}</span>
          </button>
        )}
      </div>
      {revocation.status === 'error' && (
        <FailureNotice title={t('Could not revoke the invitation')} error={revocation.error} />
      )}
    </article>
  )
}
