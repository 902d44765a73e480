import { useEffect } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../../api/client'
import type { RuleDetail } from '../../../api/types'
import { CodeBlock } from '../../../components/code/CodeBlock'
import { CodeText } from '../../../components/CodeText'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { SeverityBadge } from '../../../components/SeverityBadge'
import { plainText } from '../../../components/textSpans'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { t, tNodes, useTranslation } from '../../../i18n'
import { getRule } from '../api/rules'
import { ignoreComments } from '../lib/ignoreComments'
import { peerDocUrl, peerLabel, peerName } from '../lib/peerLinks'
import { RuleKnowledgeTable } from './RuleKnowledgeTable'
import './Rules.css'

export function RulePage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const rule = useRemoteData(`rule:${id}`, (signal) => getRule(id, signal))
  const resolved = rule.status === 'success' ? rule.data : null
  const error = rule.status === 'error' ? rule.error : null
  usePageTitle(resolved ? `${resolved.id} ${plainText(resolved.title)}` : error ? errorTitle(error, id) : null)

  // The API answers a peer's id (hadolint's DL3008, a BuildKit or dclint name) or a slug with our rule, whose
  // page is under our id: the address follows, as search already maps such ids.
  useEffect(() => {
    if (resolved && resolved.id !== id) navigate(`/rules/${encodeURIComponent(resolved.id)}`, { replace: true })
  }, [resolved, id, navigate])

  return (
    <div className="page page--narrow rule-page">
      <nav aria-label={t('Breadcrumb')} className="breadcrumb">
        <Link to="/rules">← {t('All rules')}</Link>
      </nav>
      {rule.status === 'loading' && <LoadingIndicator label={t('Loading the rule…')} />}
      {error !== null && <RuleError error={error} id={id} onRetry={rule.reload} />}
      {resolved && <RuleDetails rule={resolved} />}
    </div>
  )
}

function errorTitle(error: unknown, id: string): string {
  if (error instanceof ApiError && error.status === 404) return t('Rule not found')
  if (error instanceof ApiError && error.status === 300) return t('{{id}}: several rules', { id })
  return t('Rule')
}

/** A rule that does not exist is a plain "not found" page; only a failure worth retrying offers a retry. */
function RuleError({ error, id, onRetry }: { error: unknown; id: string; onRetry: () => void }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <h1>{t('Rule not found')}</h1>
        <p>{tNodes('No rule has the id, name or peer id {{id}}.', { id: <code>{id}</code> })}</p>
        <p>
          {tNodes('{{search}} or {{browse}}.', {
            search: <Link to={`/rules?q=${encodeURIComponent(id)}`}>{t('Search the rules')}</Link>,
            browse: <Link to="/rules">{t('browse them all')}</Link>,
          })}
        </p>
      </>
    )
  }
  const ruleIds = error instanceof ApiError && error.status === 300 ? coveringRules(error.details) : []
  if (ruleIds.length > 0) {
    return (
      <>
        <h1>{t('{{id}} is covered by {{count}} rules', { id, count: ruleIds.length })}</h1>
        <ul className="rule-details__covering">
          {ruleIds.map((ruleId) => (
            <li key={ruleId}>
              <Link to={`/rules/${encodeURIComponent(ruleId)}`}>{ruleId}</Link>
            </li>
          ))}
        </ul>
      </>
    )
  }
  const retryable = !(error instanceof ApiError) || ['offline', 'server', 'rate-limited'].includes(error.kind)
  return (
    <>
      <h1>{t('Rule {{id}}', { id })}</h1>
      <ErrorNotice
        error={error}
        action={
          retryable && (
            <button type="button" className="button button--small" onClick={onRetry}>
              {t('Try again')}
            </button>
          )
        }
      />
    </>
  )
}

function coveringRules(details: unknown): string[] {
  const ids = (details as { rule_ids?: unknown } | null)?.rule_ids
  return Array.isArray(ids) ? ids.filter((ruleId): ruleId is string => typeof ruleId === 'string') : []
}

function RuleDetails({ rule }: { rule: RuleDetail }) {
  const peers = Object.entries(rule.equivalents)
  return (
    <article className="rule-details">
      <header className="rule-details__header">
        <p className="rule-details__eyebrow">
          <span className="rule-card__id">{rule.id}</span>
          <SeverityBadge severity={rule.severity} />
          <span className="rule-card__target">{rule.target === 'compose' ? 'Compose' : 'Dockerfile'}</span>
          <code className="rule-details__slug">{rule.slug}</code>
          {rule.profile === 'style' && <span className="rule-card__target">{t('Style profile')}</span>}
        </p>
        <h1>
          <CodeText text={rule.title} />
        </h1>
      </header>
      {!rule.enabled && (
        <Notice tone="info" title={t('Switched off on this server')}>
          <p>
            {rule.enabled_by_default
              ? t('The site administrator has turned this rule off, so analyses here do not report it.')
              : t('This rule is off by default. Enable it in your configuration to use it.')}
          </p>
        </Notice>
      )}
      <section aria-labelledby="why">
        <h2 id="why">{t('Why it matters')}</h2>
        <p className="rule-details__rationale">
          <CodeText text={rule.rationale} />
        </p>
      </section>
      <section aria-labelledby="examples">
        <h2 id="examples">{t('Examples')}</h2>
        <div className="rule-details__examples">
          <CodeBlock code={rule.bad} kind={rule.target} label={t('Triggers the rule')} tone="bad" />
          <CodeBlock code={rule.good} kind={rule.target} label={t('Passes')} tone="good" />
        </div>
        <p>
          <Link to={`/?try=${encodeURIComponent(rule.id)}`}>{t('Try the example in the editor')}</Link>
        </p>
      </section>
      <section aria-labelledby="fix">
        <h2 id="fix">{t('How to fix it')}</h2>
        <p>
          <CodeText text={rule.fix_title} />
        </p>
      </section>
      {rule.options.length > 0 && (
        <section aria-labelledby="options">
          <h2 id="options">{t('Options')}</h2>
          <p className="muted">
            {tNodes('Given in your configuration as {{example}}.', {
              example: <code>rule_options: {`{${rule.id}: {name: value}}`}</code>,
            })}
          </p>
          <dl className="rule-details__options">
            {rule.options.map((option) => (
              <div key={option.name}>
                <dt>
                  <code>{option.name}</code>
                  {option.dclint && <span className="muted"> (dclint: {option.dclint})</span>}
                </dt>
                <dd>
                  <CodeText text={option.description} />{' '}
                  {tNodes('Default: {{value}}', { value: <code>{JSON.stringify(option.default)}</code> })}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {peers.length > 0 && (
        <section aria-labelledby="peers">
          <h2 id="peers">{t('Equivalent checks in other tools')}</h2>
          <ul className="rule-details__peers">
            {peers.map(([peer, peerId]) => {
              const url = peerDocUrl(peer, peerId)
              return (
                <li key={peer}>
                  <span className="peer-chip">{peerName(peer)}</span>{' '}
                  {url ? (
                    <a href={url} target="_blank" rel="noreferrer">
                      {peerLabel(peer, peerId)}
                    </a>
                  ) : (
                    <code>{peerId}</code>
                  )}
                </li>
              )
            })}
          </ul>
          {rule.equivalents.shellcheck && (
            <p className="muted">
              {t("Each finding names its ShellCheck code and links to that code's page on the ShellCheck wiki.")}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="ignore">
        <h2 id="ignore">{t('Silencing it')}</h2>
        <p className="muted">
          {t(
            "A comment silences the rule where you accept what it reports; the peers' comments work too, so files annotated for them keep working.",
          )}
        </p>
        <table className="rule-knowledge rule-details__ignore">
          <thead>
            <tr>
              <th scope="col">{t('Comment')}</th>
              <th scope="col">{t('Tool')}</th>
              <th scope="col">{t('Where')}</th>
            </tr>
          </thead>
          <tbody>
            {ignoreComments(rule).map((entry) => (
              <tr key={entry.comment}>
                <td>
                  <code>{entry.comment}</code>
                </td>
                <td>{entry.tool}</td>
                <td>{entry.where}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {rule.knowledge && <RuleKnowledgeTable knowledge={rule.knowledge} />}
      {rule.notes && (
        <section aria-labelledby="notes">
          <h2 id="notes">{t('Notes')}</h2>
          <p>
            <CodeText text={rule.notes} />
          </p>
        </section>
      )}
    </article>
  )
}
