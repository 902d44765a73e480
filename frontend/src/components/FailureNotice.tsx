import { ApiError } from '../api/client'
import { useTranslation } from '../i18n'
import { Notice } from './Notice'

/** A failed action, titled by what failed ("Could not create the project"), with the API's reason. */
export function FailureNotice({ title, error }: { title: string; error: unknown }) {
  const { t } = useTranslation()
  const reason = error instanceof ApiError || error instanceof Error ? error.message : t('An unexpected error happened.')
  return (
    <Notice tone="error" title={title}>
      <p>{reason}</p>
    </Notice>
  )
}
