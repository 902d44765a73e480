import { useState } from 'react'
import { Link } from 'react-router'
import type { ApiToken, NewApiToken, Project } from '../../../api/types'
import { ConfirmAction } from '../../../components/ConfirmAction'
import { FailureNotice } from '../../../components/FailureNotice'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { TimeText } from '../../../components/TimeText'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { useTranslation } from '../../../i18n'
import { listTokens, revokeToken } from '../api/tokens'
import { CreateTokenForm } from './CreateTokenForm'
import { NewTokenSecret } from './NewTokenSecret'
import '../../../styles/items.css'
import './Tokens.css'

interface TokenManagerProps {
  username: string
  /** A project's tokens (for CI), or null for the user's own and those of the projects they own. */
  project: Project | null
}

/** Lists tokens, makes one (showing its secret once) and revokes them. */
export function TokenManager({ username, project }: TokenManagerProps) {
  const { t } = useTranslation()
  const tokens = useRemoteData(`tokens:${username}:${project?.slug ?? ''}`, (signal) => listTokens(signal))
  // The secret of the token just made: in memory only, dropped when dismissed or when the page goes.
  const [created, setCreated] = useState<NewApiToken | null>(null)

  function handleCreated(token: NewApiToken) {
    setCreated(token)
    tokens.reload()
  }

  return (
    <>
      {created && <NewTokenSecret token={created} onDone={() => setCreated(null)} />}
      {tokens.status === 'loading' && <LoadingIndicator label={t('Loading tokens…')} />}
      {tokens.status === 'error' && (
        <ErrorNotice
          error={tokens.error}
          action={
            <button type="button" className="button button--small" onClick={tokens.reload}>
              {t('Try again')}
            </button>
          }
        />
      )}
      {tokens.status === 'success' && (
        <TokenList
          tokens={project ? tokens.data.filter((token) => token.project === project.slug) : tokens.data}
          username={username}
          showProject={project === null}
          onRevoked={tokens.reload}
        />
      )}
      <CreateTokenForm project={project} onCreated={handleCreated} />
    </>
  )
}

interface TokenListProps {
  tokens: ApiToken[]
  username: string
  showProject: boolean
  onRevoked: () => void
}

function TokenList({ tokens, username, showProject, onRevoked }: TokenListProps) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="token-list-heading">
      <h2 id="token-list-heading">{t('Tokens')}</h2>
      {tokens.length === 0 ? (
        <p className="muted">{t('No tokens yet.')}</p>
      ) : (
        <ul className="item-list" aria-labelledby="token-list-heading">
          {tokens.map((token) => (
            <li key={token.uid}>
              <TokenCard token={token} username={username} showProject={showProject} onRevoked={onRevoked} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

type Revocation = { status: 'idle' | 'confirming' | 'working' } | { status: 'error'; error: unknown }

function TokenCard({ token, username, showProject, onRevoked }: Omit<TokenListProps, 'tokens'> & { token: ApiToken }) {
  const { t } = useTranslation()
  const [revocation, setRevocation] = useState<Revocation>({ status: 'idle' })

  async function revoke() {
    setRevocation({ status: 'working' })
    try {
      await revokeToken(token.uid)
      onRevoked()
    } catch (error) {
      setRevocation({ status: 'error', error })
    }
  }

  return (
    <article className="card item-card token-card" aria-label={token.name}>
      <div className="item-card__main">
        <h3 className="item-card__title">{token.name}</h3>
        <ul className="token-card__scopes" aria-label={t('Scopes')}>
          {token.scopes.map((scope) => (
            <li key={scope} className="pill">
              {scope}
            </li>
          ))}
        </ul>
        <dl className="item-card__facts">
          {showProject && token.project && (
            <div>
              <dt>{t('Project')}</dt>
              <dd>
                <Link to={`/projects/${token.project}/tokens`}>{token.project}</Link>
              </dd>
            </div>
          )}
          {token.owner !== username && (
            <div>
              <dt>{t('Made by')}</dt>
              <dd>{token.owner}</dd>
            </div>
          )}
          <div>
            <dt>{t('Starts with')}</dt>
            <dd>
              <code>{token.prefix}…</code>
            </dd>
          </div>
          <div>
            <dt>{t('Created')}</dt>
            <dd>
              <TimeText value={token.created} format="date" />
            </dd>
          </div>
          <div>
            <dt>{t('Expires')}</dt>
            <dd>
              <TimeText value={token.expiry} format="date" />
            </dd>
          </div>
          <div>
            <dt>{t('Last used')}</dt>
            <dd>{token.last_used ? <TimeText value={token.last_used} /> : t('Never')}</dd>
          </div>
        </dl>
      </div>
      <div className="item-card__actions">
        {revocation.status === 'confirming' ? (
          <ConfirmAction
            label={t('Revoke {{name}}?', { name: token.name })}
            question={t('Revoke it? It stops working at once.')}
            confirmLabel={t('Revoke')}
            onConfirm={revoke}
            onCancel={() => setRevocation({ status: 'idle' })}
          />
        ) : (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => setRevocation({ status: 'confirming' })}
            disabled={revocation.status === 'working'}
          >
            {t('Revoke')} <span className="visually-hidden">{token.name}</span>
          </button>
        )}
      </div>
      {revocation.status === 'error' && <FailureNotice title={t('Could not revoke the token')} error={revocation.error} />}
    </article>
  )
}
