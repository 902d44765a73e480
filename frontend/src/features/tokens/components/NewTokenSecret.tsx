import { useEffect, useRef } from 'react'
import type { NewApiToken } from '../../../api/types'
import { CopyField } from '../../../components/CopyField'
import { useTranslation } from '../../../i18n'

interface NewTokenSecretProps {
  token: NewApiToken
  onDone: () => void
}

/** A new token's secret, the one time it is shown. It lives in the page's memory only (never in storage or a URL)
 * and is gone when the panel is closed or the page left. */
export function NewTokenSecret({ token, onDone }: NewTokenSecretProps) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="card new-secret" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading" ref={heading} tabIndex={-1}>
        {t('Copy your new token now')}
      </h2>
      <p className="new-secret__warning">
        <strong>{t('This is the only time it is shown.')}</strong>{' '}
        {t('Dockwright keeps only a digest of it and cannot show it again: if you lose it, revoke it and make another.')}
      </p>
      <CopyField label={t('Token {{name}}', { name: token.name })} value={token.token} />
      <dl className="new-secret__uses">
        <div>
          <dt>{t('Over HTTP')}</dt>
          <dd>
            <code>Authorization: Bearer …</code>
          </dd>
        </div>
        <div>
          <dt>{t('On the command line')}</dt>
          <dd>
            <code>
              DOCKWRIGHT_TOKEN=… dockwright lint --upload --server {window.location.origin} --project{' '}
              {token.project ?? '<slug>'} .
            </code>
          </dd>
        </div>
      </dl>
      <div>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('I have copied it')}
        </button>
      </div>
    </section>
  )
}
