import { useId } from 'react'
import type { Severity } from '../../../api/types'
import { t, useTranslation } from '../../../i18n'
import { countsOf, type ScanPoint } from '../api/insights'
import { niceTicks } from '../lib/chartScale'
import { countsText } from '../lib/countsText'

// Stacked from the bottom: the most severe first, where the eye starts.
const ORDER: Severity[] = ['error', 'warning', 'info', 'style']
const WIDTH = 640
const HEIGHT = 200
const LEFT = 40
const BOTTOM = 22
const TOP = 8
const MAX_BAR = 28

/**
 * Findings by severity over a branch's scans, one stacked bar per scan, oldest on the left: drawn in SVG (no chart
 * library), named for screen readers by its summary, and with the same numbers as a table for whoever needs them.
 */
export function SeverityChart({ points }: { points: readonly ScanPoint[] }) {
  const { language } = useTranslation()
  const ids = { title: useId(), summary: useId() }
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' })
  const rows = points.map((point) => ({
    ...point,
    counts: countsOf(point.counts),
    when: date.format(new Date(point.created)),
  }))
  const totals = rows.map((row) => ORDER.reduce((sum, severity) => sum + row.counts[severity], 0))
  const ticks = niceTicks(Math.max(0, ...totals))
  const top = ticks[ticks.length - 1] ?? 1
  const plotWidth = WIDTH - LEFT
  const plotHeight = HEIGHT - TOP - BOTTOM
  const slot = plotWidth / Math.max(rows.length, 1)
  const bar = Math.min(MAX_BAR, slot * 0.7)
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight
  const first = rows[0]
  const last = rows[rows.length - 1]
  const summary =
    first && last
      ? t('{{count}} scans from {{first}} to {{last}}; the latest has {{counts}}.', {
          count: rows.length,
          first: first.when,
          last: last.when,
          counts: countsText(last.counts, t),
        })
      : ''

  return (
    <figure className="severity-chart">
      <figcaption id={ids.title} className="severity-chart__title">
        {t('Findings by severity, scan by scan')}
      </figcaption>
      <svg
        className="severity-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={ids.title}
        aria-describedby={ids.summary}
      >
        {ticks.map((tick) => (
          <g key={tick} className="severity-chart__tick">
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const x = LEFT + index * slot + (slot - bar) / 2
          let base = 0
          return (
            <g key={row.id}>
              <title>{`${row.when}${row.commit ? ` · ${row.commit.slice(0, 10)}` : ''}: ${countsText(row.counts, t)}`}</title>
              {ORDER.map((severity) => {
                const count = row.counts[severity]
                if (!count) return null
                const rect = (
                  <rect
                    key={severity}
                    className={`severity-chart__bar severity-chart__bar--${severity}`}
                    x={x}
                    width={bar}
                    y={y(base + count)}
                    height={y(base) - y(base + count)}
                  />
                )
                base += count
                return rect
              })}
            </g>
          )
        })}
        {first && (
          <text className="severity-chart__axis" x={LEFT} y={HEIGHT - 4}>
            {first.when}
          </text>
        )}
        {last && rows.length > 1 && (
          <text className="severity-chart__axis" x={WIDTH} y={HEIGHT - 4} textAnchor="end">
            {last.when}
          </text>
        )}
      </svg>
      <p id={ids.summary} className="severity-chart__summary muted">
        {summary}
      </p>
      <ul className="severity-chart__legend" aria-hidden="true">
        {ORDER.map((severity) => (
          <li key={severity}>
            <span className={`severity-chart__swatch severity-chart__swatch--${severity}`} />
            {SEVERITY_NAMES[severity]()}
          </li>
        ))}
      </ul>
      <details className="severity-chart__data">
        <summary>{t('Show the numbers')}</summary>
        <table className="insights-table" aria-labelledby={ids.title}>
          <thead>
            <tr>
              <th scope="col">{t('Scan')}</th>
              {ORDER.map((severity) => (
                <th key={severity} scope="col">
                  {SEVERITY_NAMES[severity]()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.when}
                  {row.commit && <code className="severity-chart__commit">{row.commit.slice(0, 10)}</code>}
                </th>
                {ORDER.map((severity) => (
                  <td key={severity}>{row.counts[severity]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}

const SEVERITY_NAMES: Record<Severity, () => string> = {
  error: () => t('Errors'),
  warning: () => t('Warnings'),
  info: () => t('Info'),
  style: () => t('Style'),
}
