import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { fieldError } from '../../../api/fieldErrors'
import type { Project } from '../../../api/types'
import { FailureNotice } from '../../../components/FailureNotice'
import { FormField } from '../../../components/FormField'
import { useTranslation } from '../../../i18n'
import { createProject } from '../api/projects'
import { suggestSlug } from '../lib/slug'

const FIELDS = ['name', 'slug', 'visibility', 'default_branch']

/** Makes a project (its maker is its owner) and opens it. */
export function CreateProjectForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [name, setName] = useState('')
  // The slug follows the name until it is edited.
  const [slug, setSlug] = useState<string | null>(null)
  const [visibility, setVisibility] = useState<Project['visibility']>('private')
  const [branch, setBranch] = useState('main')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const shownSlug = slug ?? suggestSlug(name)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setError(null)
    try {
      const project = await createProject({
        name: name.trim(),
        slug: shownSlug,
        visibility,
        default_branch: branch.trim() || 'main',
      })
      navigate(`/projects/${project.slug}`)
    } catch (failure) {
      setError(failure)
      setPending(false)
    }
  }

  const unnamedField = error !== null && FIELDS.every((field) => fieldError(error, field) === null)
  return (
    <form className="card form-card" onSubmit={handleSubmit} aria-labelledby="new-project">
      <h2 id="new-project">{t('New project')}</h2>
      {unnamedField && <FailureNotice title={t('Could not create the project')} error={error} />}
      <div className="form-card__row">
        <FormField label={t('Name')} error={fieldError(error, 'name')}>
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
        <FormField
          label={t('Slug')}
          hint={t('Its name in URLs and for the command line (--project). It cannot change.')}
          error={fieldError(error, 'slug')}
        >
          {(field) => (
            <input
              {...field}
              type="text"
              required
              maxLength={100}
              autoCapitalize="none"
              spellCheck={false}
              value={shownSlug}
              onChange={(event) => setSlug(event.currentTarget.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-card__row">
        <FormField label={t('Visibility')} error={fieldError(error, 'visibility')}>
          {(field) => (
            <select
              {...field}
              value={visibility}
              onChange={(event) => setVisibility(event.currentTarget.value as Project['visibility'])}
            >
              <option value="private">{t('Private: members only')}</option>
              <option value="public">{t('Public: anyone may read it')}</option>
            </select>
          )}
        </FormField>
        <FormField
          label={t('Default branch')}
          hint={t("A scan's findings are new or fixed against the latest scan of this branch.")}
          error={fieldError(error, 'default_branch')}
        >
          {(field) => (
            <input
              {...field}
              type="text"
              maxLength={255}
              autoCapitalize="none"
              spellCheck={false}
              value={branch}
              onChange={(event) => setBranch(event.currentTarget.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-card__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('Creating…') : t('Create project')}
        </button>
      </div>
    </form>
  )
}
