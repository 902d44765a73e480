import { useState } from 'react'
import { useNavigate } from 'react-router'
import { ROLES, roleAllows, roleDescription, roleName } from '../../../api/roles'
import type { Member, Role } from '../../../api/types'
import { ConfirmAction } from '../../../components/ConfirmAction'
import { FailureNotice } from '../../../components/FailureNotice'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { TimeText } from '../../../components/TimeText'
import { useCurrentProject } from '../../../hooks/useCurrentProject'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { useTranslation } from '../../../i18n'
import { listMembers, removeMember, setMemberRole } from '../api/projects'
import { AddMemberForm } from './AddMemberForm'
import { Invitations } from './Invitations'
import '../../../styles/items.css'
import './MembersPage.css'

/** A project's members with their roles; owners change roles, remove members, add them and invite by link, and
 * anyone may leave. */
export function MembersPage() {
  const { t } = useTranslation()
  const { project, username } = useCurrentProject()
  usePageTitle(t('Members of {{project}}', { project: project.name }))
  const members = useRemoteData(`members:${project.slug}`, (signal) => listMembers(project.slug, signal))
  const isOwner = roleAllows(project.role, 'owner')

  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('Members')}</h2>
        <ul className="role-legend muted">
          {ROLES.map((role) => (
            <li key={role}>
              <strong>{roleName(role)}</strong> {roleDescription(role)}
            </li>
          ))}
        </ul>
        {members.status === 'loading' && <LoadingIndicator label={t('Loading members…')} />}
        {members.status === 'error' && (
          <ErrorNotice
            error={members.error}
            action={
              <button type="button" className="button button--small" onClick={members.reload}>
                {t('Try again')}
              </button>
            }
          />
        )}
        {members.status === 'success' && (
          <ul className="item-list" aria-labelledby="members-heading">
            {members.data.map((member) => (
              <li key={member.username}>
                <MemberCard member={member} you={member.username === username} isOwner={isOwner} onChanged={members.reload} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {isOwner && <AddMemberForm slug={project.slug} onAdded={members.reload} />}
      {isOwner && <Invitations slug={project.slug} />}
    </>
  )
}

type Change = { status: 'idle' | 'confirming' | 'working' } | { status: 'error'; error: unknown; title: string }

interface MemberCardProps {
  member: Member
  you: boolean
  isOwner: boolean
  onChanged: () => void
}

function MemberCard({ member, you, isOwner, onChanged }: MemberCardProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { project, reloadProject } = useCurrentProject()
  const [change, setChange] = useState<Change>({ status: 'idle' })

  async function changeRole(role: Role) {
    setChange({ status: 'working' })
    try {
      await setMemberRole(project.slug, member.username, role)
      setChange({ status: 'idle' })
      onChanged()
      if (you) reloadProject()
    } catch (error) {
      setChange({ status: 'error', error, title: t('Could not change the role') })
    }
  }

  async function remove() {
    setChange({ status: 'working' })
    try {
      await removeMember(project.slug, member.username)
      if (you) navigate('/projects')
      else {
        setChange({ status: 'idle' })
        onChanged()
      }
    } catch (error) {
      setChange({ status: 'error', error, title: you ? t('Could not leave the project') : t('Could not remove the member') })
    }
  }

  const canRemove = isOwner || you
  const removeLabel = you ? t('Leave') : t('Remove')
  return (
    <article className="card item-card" aria-label={member.username}>
      <div className="item-card__main">
        <h3 className="item-card__title">
          {member.username} {you && <span className="pill">{t('you')}</span>}
        </h3>
        <dl className="item-card__facts">
          <div>
            <dt>{t('Member since')}</dt>
            <dd>
              <TimeText value={member.created} format="date" />
            </dd>
          </div>
        </dl>
      </div>
      <div className="item-card__actions">
        {isOwner ? (
          <label className="member-role">
            <span className="visually-hidden">{t('Role of {{username}}', { username: member.username })}</span>
            <select
              value={member.role}
              disabled={change.status === 'working'}
              onChange={(event) => void changeRole(event.currentTarget.value as Role)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleName(role)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="pill pill--accent">{roleName(member.role)}</span>
        )}
        {canRemove &&
          (change.status === 'confirming' ? (
            <ConfirmAction
              label={you ? t('Leave {{project}}?', { project: project.name }) : t('Remove {{username}}?', { username: member.username })}
              question={you ? t('Leave the project? You need a new invitation to come back.') : t('Remove them from the project?')}
              confirmLabel={removeLabel}
              onConfirm={remove}
              onCancel={() => setChange({ status: 'idle' })}
            />
          ) : (
            <button
              type="button"
              className="button button--small button--danger"
              disabled={change.status === 'working'}
              onClick={() => setChange({ status: 'confirming' })}
            >
              {removeLabel} {!you && <span className="visually-hidden">{member.username}</span>}
            </button>
          ))}
      </div>
      {change.status === 'error' && <FailureNotice title={change.title} error={change.error} />}
    </article>
  )
}
