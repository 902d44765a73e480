import { useEffect, useId, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { Kind, PeerGap, Rule, Severity } from '../../../api/types'
import { CodeText } from '../../../components/CodeText'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { SEVERITY_LABELS } from '../../../components/severity'
import { SeverityBadge } from '../../../components/SeverityBadge'
import { useTranslation } from '../../../i18n'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { listPeerGaps, listRules } from '../api/rules'
import { filterPeerGaps } from '../lib/filterPeerGaps'
import { filterRules, type RuleFilter } from '../lib/filterRules'
import { peerName } from '../lib/peerLinks'
import { MatchingPeerGaps, PeerGapSection } from './PeerGaps'
import './Rules.css'

const TARGETS: Record<Kind, string> = { dockerfile: 'Dockerfile', compose: 'Compose' }
const SEVERITIES = Object.keys(SEVERITY_LABELS) as Severity[]

function readFilter(params: URLSearchParams): RuleFilter {
  const target = params.get('target')
  const severity = params.get('severity')
  return {
    query: params.get('q') ?? '',
    target: target === 'dockerfile' || target === 'compose' ? target : '',
    severity: SEVERITIES.includes(severity as Severity) ? (severity as Severity) : '',
  }
}

function filterParams(filter: RuleFilter): URLSearchParams {
  const params = new URLSearchParams()
  if (filter.query) params.set('q', filter.query)
  if (filter.target) params.set('target', filter.target)
  if (filter.severity) params.set('severity', filter.severity)
  return params
}

export function RulesPage() {
  const { t } = useTranslation()
  usePageTitle(t('Rules'))
  const rules = useRemoteData('rules', listRules)
  const gaps = useRemoteData('peer-gaps', listPeerGaps)
  // The filters start from the URL and are mirrored back into it, so a filtered catalogue can be
  // shared. State (not the URL) is the source of truth: two quick changes must not overwrite each other.
  const [params, setParams] = useSearchParams()
  const [filter, setFilter] = useState(() => readFilter(params))
  const ids = { search: useId(), target: useId(), severity: useId() }

  useEffect(() => {
    setParams(filterParams(filter), { replace: true })
  }, [filter, setParams])

  function update(key: keyof RuleFilter, value: string) {
    setFilter((previous) => ({ ...previous, [key]: value }))
  }

  return (
    <div className="page rules-page">
      <h1>{t('Rules')}</h1>
      <p className="muted">
        {t("Everything Dockwright checks, with why it matters and how to fix it. Search by name, id or a peer's id such as hadolint's")}{' '}
        <code>DL3007</code>.
      </p>
      <form className="rule-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="rule-filters__field rule-filters__field--grow">
          <label htmlFor={ids.search}>{t('Search')}</label>
          <input
            id={ids.search}
            type="search"
            value={filter.query}
            placeholder={t('latest tag, apt-get, DL3008…')}
            onChange={(event) => update('query', event.currentTarget.value)}
          />
        </div>
        <div className="rule-filters__field">
          <label htmlFor={ids.target}>{t('File type')}</label>
          <select id={ids.target} value={filter.target} onChange={(event) => update('target', event.currentTarget.value)}>
            <option value="">{t('All')}</option>
            {(Object.keys(TARGETS) as Kind[]).map((target) => (
              <option key={target} value={target}>
                {TARGETS[target]}
              </option>
            ))}
          </select>
        </div>
        <div className="rule-filters__field">
          <label htmlFor={ids.severity}>{t('Severity')}</label>
          <select
            id={ids.severity}
            value={filter.severity}
            onChange={(event) => update('severity', event.currentTarget.value)}
          >
            <option value="">{t('All')}</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {SEVERITY_LABELS[severity]()}
              </option>
            ))}
          </select>
        </div>
      </form>
      {rules.status === 'loading' && <LoadingIndicator label={t('Loading rules…')} />}
      {rules.status === 'error' && (
        <ErrorNotice
          error={rules.error}
          action={
            <button type="button" className="button button--small" onClick={rules.reload}>
              {t('Try again')}
            </button>
          }
        />
      )}
      {rules.status === 'success' && (
        <RuleResults rules={rules.data} gaps={gaps.status === 'success' ? gaps.data : []} filter={filter} />
      )}
      <PeerGapSection gaps={gaps} />
    </div>
  )
}

function RuleResults({ rules, gaps, filter }: { rules: Rule[]; gaps: PeerGap[]; filter: RuleFilter }) {
  const { t } = useTranslation()
  const matching = filterRules(rules, filter)
  const matchingGaps = filterPeerGaps(gaps, filter.query)
  return (
    <>
      <p className="rule-results__count" role="status">
        {matching.length === rules.length
          ? t('{{count}} rules', { count: rules.length })
          : t('{{matching}} of {{count}} rules match', { matching: matching.length, count: rules.length })}
      </p>
      {matchingGaps.length > 0 && <MatchingPeerGaps gaps={matchingGaps} />}
      {matching.length > 0 && (
        <ul className="rule-list" aria-label={t('Rules')}>
          {matching.map((rule) => (
            <li key={rule.id}>
              <RuleCard rule={rule} />
            </li>
          ))}
        </ul>
      )}
      {/* A matching gap already explains an empty result (e.g. a search for a retired hadolint id). */}
      {matching.length === 0 && matchingGaps.length === 0 && (
        <p className="rule-results__empty">{t('No rule matches these filters. Try fewer words or “All”.')}</p>
      )}
    </>
  )
}

function RuleCard({ rule }: { rule: Rule }) {
  const { t } = useTranslation()
  return (
    <Link to={`/rules/${encodeURIComponent(rule.id)}`} className={`rule-card card${rule.enabled ? '' : ' rule-card--off'}`}>
      <span className="rule-card__top">
        <span className="rule-card__id">{rule.id}</span>
        <SeverityBadge severity={rule.severity} />
        <span className="rule-card__target">{TARGETS[rule.target]}</span>
        {!rule.enabled && <span className="rule-card__flag">{t('off')}</span>}
      </span>
      <span className="rule-card__title">
        <CodeText text={rule.title} />
      </span>
      <span className="rule-card__slug">{rule.slug}</span>
      {Object.keys(rule.equivalents).length > 0 && (
        <span className="rule-card__peers">
          {Object.entries(rule.equivalents).map(([peer, id]) => (
            <span key={peer} className="peer-chip" title={t('Same as {{peer}} {{id}}', { peer: peerName(peer), id })}>
              {peerName(peer)} {id}
            </span>
          ))}
        </span>
      )}
    </Link>
  )
}
