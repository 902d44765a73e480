import { useState, type FormEvent } from 'react'
import { fieldError } from '../../../api/fieldErrors'
import { ROLES, roleName } from '../../../api/roles'
import type { Role } from '../../../api/types'
import { FailureNotice } from '../../../components/FailureNotice'
import { FormField } from '../../../components/FormField'
import { useTranslation } from '../../../i18n'
import { addMember } from '../api/projects'

/** Owners add someone who has an account by their username; anyone else is invited by link. */
export function AddMemberForm({ slug, onAdded }: { slug: string; onAdded: () => void }) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [role, setRole] = useState<Role>('viewer')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setError(null)
    try {
      await addMember(slug, username.trim(), role)
      setUsername('')
      onAdded()
    } catch (failure) {
      setError(failure)
    } finally {
      setPending(false)
    }
  }

  const usernameError = fieldError(error, 'username')
  return (
    <form className="card form-card" onSubmit={handleSubmit} aria-labelledby="add-member">
      <h2 id="add-member">{t('Add a member')}</h2>
      {error !== null && !usernameError && <FailureNotice title={t('Could not add the member')} error={error} />}
      <div className="form-card__row">
        <FormField label={t('Username')} hint={t('Someone with an account on this server.')} error={usernameError}>
          {(field) => (
            <input
              {...field}
              type="text"
              required
              maxLength={150}
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField label={t('Role')}>
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
      </div>
      <div className="form-card__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('Adding…') : t('Add member')}
        </button>
      </div>
    </form>
  )
}
