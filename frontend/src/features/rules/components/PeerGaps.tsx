import { useId } from 'react'
import { Link } from 'react-router'
import type { PeerGap } from '../../../api/types'
import { CodeText } from '../../../components/CodeText'
import { ErrorNotice } from '../../../components/Notice'
import type { RemoteData } from '../../../hooks/useRemoteData'
import { t, tNodes, useTranslation } from '../../../i18n'
import { peerName } from '../lib/peerLinks'

function CoveringRule({ ruleId }: { ruleId: string }) {
  return <Link to={`/rules/${encodeURIComponent(ruleId)}`}>{ruleId}</Link>
}

/** The gaps a rule search matched, shown with the results so a search for a peer's id explains itself. */
export function MatchingPeerGaps({ gaps }: { gaps: PeerGap[] }) {
  const { t } = useTranslation()
  return (
    <ul className="gap-matches" aria-label={t('Matching checks from other tools')}>
      {gaps.map((gap) => (
        <li key={gap.peer_id} className="gap-match card">
          {tNodes('{{peer}} {{id}} has no rule of its own: {{reason}}.', {
            peer: <span className="peer-chip">{peerName(gap.peer)}</span>,
            id: <code>{gap.peer_id}</code>,
            reason: <CodeText text={gap.reason} />,
          })}
          {gap.covered_by && (
            <>
              {' '}
              {tNodes('Dockwright reports it as {{rule}}.', { rule: <CoveringRule ruleId={gap.covered_by} /> })}
            </>
          )}
        </li>
      ))}
    </ul>
  )
}

/** The whole table of peer checks without a rule, at the bottom of the catalogue. */
export function PeerGapSection({ gaps }: { gaps: RemoteData<PeerGap[]> & { reload: () => void } }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="peer-gaps" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('Checks from other tools without a rule of their own')}</h2>
      <p className="muted">
        {t(
          'Every hadolint rule and BuildKit build check is either the equivalent of a Dockwright rule (search for its id above) or listed here with the reason.',
        )}
      </p>
      {/* Not the LoadingIndicator: the page's one live status region is the rule count above. */}
      {gaps.status === 'loading' && <p className="muted">{t('Loading…')}</p>}
      {gaps.status === 'error' && (
        <ErrorNotice
          error={gaps.error}
          action={
            <button type="button" className="button button--small" onClick={gaps.reload}>
              {t('Try again')}
            </button>
          }
        />
      )}
      {gaps.status === 'success' && <PeerGapTable gaps={gaps.data} labelledBy={headingId} />}
    </section>
  )
}

function PeerGapTable({ gaps, labelledBy }: { gaps: PeerGap[]; labelledBy: string }) {
  return (
    <div className="peer-gaps__scroll">
      <table className="peer-gaps__table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('Tool')}</th>
            <th scope="col">{t('Id')}</th>
            <th scope="col">{t('Why')}</th>
            <th scope="col">{t('Covered by')}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={gap.peer_id}>
              <td className="peer-gaps__tool">{peerName(gap.peer)}</td>
              <td>
                <code>{gap.peer_id}</code>
              </td>
              <td className="peer-gaps__why">
                <CodeText text={gap.reason} />
              </td>
              <td className="peer-gaps__covered">{gap.covered_by ? <CoveringRule ruleId={gap.covered_by} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
