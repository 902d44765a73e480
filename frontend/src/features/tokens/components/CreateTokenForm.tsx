import { useState, type FormEvent } from 'react'
import { fieldError } from '../../../api/fieldErrors'
import type { NewApiToken, Project, TokenScope } from '../../../api/types'
import { FailureNotice } from '../../../components/FailureNotice'
import { FormField } from '../../../components/FormField'
import { useTranslation } from '../../../i18n'
import { createToken } from '../api/tokens'
import { PERSONAL_SCOPES, PROJECT_SCOPES, scopeDescription } from '../lib/scopes'

const LIFETIMES = [7, 30, 90, 180, 366]
const DEFAULT_DAYS = 90

interface CreateTokenFormProps {
  /** Make a project token (for CI), or a personal one when null. */
  project: Project | null
  onCreated: (token: NewApiToken) => void
}

export function CreateTokenForm({ project, onCreated }: CreateTokenFormProps) {
  const { t } = useTranslation()
  const offered = project ? PROJECT_SCOPES : PERSONAL_SCOPES
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<TokenScope[]>(project ? [...PROJECT_SCOPES] : ['read'])
  const [days, setDays] = useState(DEFAULT_DAYS)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)

  function toggle(scope: TokenScope, on: boolean) {
    setScopes((current) => (on ? [...current, scope] : current.filter((item) => item !== scope)))
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setError(null)
    try {
      const token = await createToken({ name: name.trim(), scopes, days, project: project?.slug ?? null })
      setName('')
      onCreated(token)
    } catch (failure) {
      setError(failure)
    } finally {
      setPending(false)
    }
  }

  const scopeError = fieldError(error, 'scopes')
  const unnamedField = error !== null && !fieldError(error, 'name') && !scopeError
  return (
    <form className="card form-card" onSubmit={handleSubmit} aria-labelledby="new-token">
      <h2 id="new-token">{project ? t('New project token') : t('New token')}</h2>
      <p className="muted">
        {project
          ? t('A project token is for CI: it reads this project and uploads its scans, and nothing else.')
          : t('A token acts for you, with the scopes you give it, until it expires or you revoke it.')}
      </p>
      {unnamedField && <FailureNotice title={t('Could not make the token')} error={error} />}
      <div className="form-card__row">
        <FormField label={t('Name')} hint={t('Where it is used, e.g. “GitHub Actions”.')} error={fieldError(error, 'name')}>
          {(field) => (
            <input
              {...field}
              type="text"
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField label={t('Expires after')} error={fieldError(error, 'days')}>
          {(field) => (
            <select {...field} value={days} onChange={(event) => setDays(Number(event.currentTarget.value))}>
              {LIFETIMES.map((count) => (
                <option key={count} value={count}>
                  {t('{{count}} days', { count })}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="form-field" aria-describedby={scopeError ? 'token-scopes-error' : undefined}>
        <legend>{t('Scopes')}</legend>
        {offered.map((scope) => (
          <label key={scope} className="form-choice">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) => toggle(scope, event.currentTarget.checked)}
            />
            <code>{scope}</code>
            <small>{scopeDescription(scope)}</small>
          </label>
        ))}
        {scopeError && (
          <p id="token-scopes-error" className="form-field__error">
            {scopeError}
          </p>
        )}
      </fieldset>
      <div className="form-card__actions">
        <button type="submit" className="button button--primary" disabled={pending || scopes.length === 0}>
          {pending ? t('Making…') : t('Make token')}
        </button>
        {scopes.length === 0 && <span className="muted">{t('Choose at least one scope.')}</span>}
      </div>
    </form>
  )
}
