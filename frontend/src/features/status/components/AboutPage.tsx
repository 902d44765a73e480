import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice } from '../../../components/Notice'
import { useRemoteData } from '../../../hooks/useRemoteData'
import { usePageTitle } from '../../../hooks/usePageTitle'
import type { Readiness, ServiceInfo } from '../../../api/types'
import { getInfo, getReadiness } from '../api/status'
import './AboutPage.css'
import { useTranslation } from '../../../i18n'

export function AboutPage() {
  const { t } = useTranslation()
  usePageTitle(t('About'))
  const info = useRemoteData('info', getInfo)
  const readiness = useRemoteData('readiness', getReadiness)
  return (
    <div className="page page--narrow about-page">
      <h1>{t('About Dockwright')}</h1>
      <p>
        {t(
          'Dockwright reviews Dockerfiles and Docker Compose files: it points at the lines that make images slow, large, fragile or unsafe, explains why, and suggests a fix. The same checks run in the dockwright command line tool and in CI.',
        )}
      </p>
      <div className="about-grid">
        <section className="card about-card" aria-labelledby="service-title">
          <h2 id="service-title">{t('Service')}</h2>
          {info.status === 'loading' && <LoadingIndicator label={t('Loading service details…')} />}
          {info.status === 'error' && <ErrorNotice error={info.error} />}
          {info.status === 'success' && <ServiceDetails info={info.data} />}
        </section>
        <section className="card about-card" aria-labelledby="health-title">
          <div className="about-card__header">
            <h2 id="health-title">{t('Health')}</h2>
            <button type="button" className="button button--small" onClick={readiness.reload}>
              {t('Check again')}
            </button>
          </div>
          {readiness.status === 'loading' && <LoadingIndicator label={t('Checking…')} />}
          {readiness.status === 'error' && <ErrorNotice error={readiness.error} />}
          {readiness.status === 'success' && <HealthDetails readiness={readiness.data} />}
        </section>
      </div>
      <section className="about-links" aria-labelledby="api-title">
        <h2 id="api-title">API</h2>
        <p>
          {t('Everything this page does goes through a public JSON API.')}{' '}
          <a href="/api/v1/docs/">{t('Interactive API documentation')}</a> ·{' '}
          <a href="/api/v1/schema/">{t('OpenAPI schema')}</a>
        </p>
      </section>
    </div>
  )
}

function ServiceDetails({ info }: { info: ServiceInfo }) {
  const { t } = useTranslation()
  const rows: [string, string][] = [
    [t('Version'), info.version],
    [t('Rule set'), info.ruleset_version],
    [t('Environment'), info.environment],
    [t('Server time'), formatTime(info.server_time)],
  ]
  return (
    <dl className="about-list">
      {rows.map(([term, value]) => (
        <div key={term} className="about-list__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function HealthDetails({ readiness }: { readiness: Readiness }) {
  const { t } = useTranslation()
  const ok = readiness.status === 'ok'
  return (
    <>
      <p className={`health-status health-status--${ok ? 'ok' : 'down'}`} role="status">
        <span className="health-status__dot" aria-hidden="true" />
        {ok ? t('All systems ready') : t('Not ready: some dependencies are failing')}
      </p>
      <dl className="about-list">
        {Object.entries(readiness.checks).map(([name, result]) => (
          <div key={name} className="about-list__row">
            <dt>{capitalise(name)}</dt>
            <dd className={result === 'ok' ? 'health-check--ok' : 'health-check--down'}>{result}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}

function formatTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
