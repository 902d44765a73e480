import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { fieldError } from '../../../api/fieldErrors'
import { FailureNotice } from '../../../components/FailureNotice'
import { FormField } from '../../../components/FormField'
import { useCurrentProject } from '../../../hooks/useCurrentProject'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useTranslation } from '../../../i18n'
import { uploadArchive } from '../api/scans'
import { ARCHIVE_ACCEPT, isArchiveName } from '../lib/archiveName'

/** /projects/<slug>/upload: a repository archive becomes a scan; its page follows the worker. */
export function UploadPage() {
  const { t } = useTranslation()
  const { project } = useCurrentProject()
  usePageTitle(t('Upload to {{project}}', { project: project.name }))
  const navigate = useNavigate()
  const [archive, setArchive] = useState<File | null>(null)
  const [branch, setBranch] = useState(project.default_branch)
  const [commit, setCommit] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setError(null)
    if (!archive) return setProblem(t('Choose an archive of the repository.'))
    if (!isArchiveName(archive.name)) return setProblem(t('Dockwright reads .tar.gz, .tgz, .tar and .zip archives.'))
    setProblem(null)
    setPending(true)
    try {
      const scan = await uploadArchive(project.slug, archive, { branch: branch.trim(), commit: commit.trim() })
      navigate(`/projects/${project.slug}/scans/${scan.id}`)
    } catch (failure) {
      setError(failure)
      setPending(false)
    }
  }

  const archiveError = problem ?? fieldError(error, 'archive')
  return (
    <form className="card form-card" onSubmit={handleSubmit} aria-labelledby="upload-heading" noValidate>
      <h2 id="upload-heading">{t('Upload a repository archive')}</h2>
      <p className="muted">
        {t('Its Dockerfiles, compose files, .env files and .dockerignore files are analysed as one scan; everything else is skipped unread, and archives inside it are not opened.')}
      </p>
      {error !== null && !fieldError(error, 'archive') && <FailureNotice title={t('Could not upload the archive')} error={error} />}
      <FormField label={t('Archive')} hint={t('A .tar.gz, .tgz, .tar or .zip file.')} error={archiveError}>
        {(field) => (
          <input
            {...field}
            type="file"
            accept={ARCHIVE_ACCEPT}
            onChange={(event) => {
              setArchive(event.currentTarget.files?.[0] ?? null)
              setProblem(null)
            }}
          />
        )}
      </FormField>
      <div className="form-card__row">
        <FormField
          label={t('Branch')}
          hint={t('Scans of {{branch}} are what later scans are compared with.', { branch: project.default_branch })}
          error={fieldError(error, 'branch')}
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
        <FormField label={t('Commit (optional)')} error={fieldError(error, 'commit')}>
          {(field) => (
            <input
              {...field}
              type="text"
              maxLength={64}
              autoCapitalize="none"
              spellCheck={false}
              value={commit}
              onChange={(event) => setCommit(event.currentTarget.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-card__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('Uploading…') : t('Upload and scan')}
        </button>
      </div>
    </form>
  )
}
