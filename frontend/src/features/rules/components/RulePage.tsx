import { Link, useParams } from 'react-router'
import type { RuleDetail } from '../../../api/types'
import { CodeBlock } from '../../../components/code/CodeBlock'
import { CodeText } from '../../../components/CodeText'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { SeverityBadge } from '../../../components/SeverityBadge'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { getRule } from '../api/rules'
import { peerDocUrl, peerName } from '../lib/peerLinks'
import { RuleKnowledgeTable } from './RuleKnowledgeTable'
import './Rules.css'

export function RulePage() {
  const { id = '' } = useParams()
  const rule = useRemoteData(`rule:${id}`, (signal) => getRule(id, signal))
  return (
    <div className="page page--narrow rule-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/rules">← All rules</Link>
      </nav>
      {rule.status === 'loading' && <LoadingIndicator label="Loading the rule…" />}
      {rule.status === 'error' && (
        <ErrorNotice
          error={rule.error}
          action={
            <button type="button" className="button button--small" onClick={rule.reload}>
              Try again
            </button>
          }
        />
      )}
      {rule.status === 'success' && <RuleDetails rule={rule.data} />}
    </div>
  )
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
          {rule.profile === 'style' && <span className="rule-card__target">Style profile</span>}
        </p>
        <h1>
          <CodeText text={rule.title} />
        </h1>
      </header>
      {!rule.enabled && (
        <Notice tone="info" title="Switched off on this server">
          <p>
            {rule.enabled_by_default
              ? 'The site administrator has turned this rule off, so analyses here do not report it.'
              : 'This rule is off by default. Enable it in your configuration to use it.'}
          </p>
        </Notice>
      )}
      <section aria-labelledby="why">
        <h2 id="why">Why it matters</h2>
        <p className="rule-details__rationale">
          <CodeText text={rule.rationale} />
        </p>
      </section>
      <section aria-labelledby="examples">
        <h2 id="examples">Examples</h2>
        <div className="rule-details__examples">
          <CodeBlock code={rule.bad} kind={rule.target} label="Triggers the rule" tone="bad" />
          <CodeBlock code={rule.good} kind={rule.target} label="Passes" tone="good" />
        </div>
      </section>
      <section aria-labelledby="fix">
        <h2 id="fix">How to fix it</h2>
        <p>
          <CodeText text={rule.fix_title} />
        </p>
      </section>
      {rule.options.length > 0 && (
        <section aria-labelledby="options">
          <h2 id="options">Options</h2>
          <p className="muted">
            Given in your configuration as <code>rule_options: {`{${rule.id}: {name: value}}`}</code>.
          </p>
          <dl className="rule-details__options">
            {rule.options.map((option) => (
              <div key={option.name}>
                <dt>
                  <code>{option.name}</code>
                  {option.dclint && <span className="muted"> (dclint: {option.dclint})</span>}
                </dt>
                <dd>
                  <CodeText text={option.description} /> Default: <code>{JSON.stringify(option.default)}</code>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {peers.length > 0 && (
        <section aria-labelledby="peers">
          <h2 id="peers">Equivalent checks in other tools</h2>
          <ul className="rule-details__peers">
            {peers.map(([peer, peerId]) => {
              const url = peerDocUrl(peer, peerId)
              return (
                <li key={peer}>
                  <span className="peer-chip">{peerName(peer)}</span>{' '}
                  {url ? (
                    <a href={url} target="_blank" rel="noreferrer">
                      {peerId}
                    </a>
                  ) : (
                    <code>{peerId}</code>
                  )}
                </li>
              )
            })}
          </ul>
          {rule.equivalents.hadolint && (
            <p className="muted">
              A <code># hadolint ignore={rule.equivalents.hadolint}</code> comment also silences this rule, so files
              annotated for hadolint keep working.
            </p>
          )}
        </section>
      )}
      {rule.knowledge && <RuleKnowledgeTable knowledge={rule.knowledge} />}
      {rule.notes && (
        <section aria-labelledby="notes">
          <h2 id="notes">Notes</h2>
          <p>
            <CodeText text={rule.notes} />
          </p>
        </section>
      )}
    </article>
  )
}
