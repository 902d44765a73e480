import { useMemo, useState } from 'react'
import type { RuleKnowledge } from '../../../api/types'
import { useTranslation } from '../../../i18n'

const FIRST_ROWS = 12

/** What the rule knew: the table of facts it judges by, each row with the source it was checked against. */
export function RuleKnowledgeTable({ knowledge }: { knowledge: RuleKnowledge }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [expanded, setExpanded] = useState(false)
  const rows = useMemo(() => {
    const words = query.trim().toLowerCase()
    const indexed = knowledge.rows.map((cells, index) => ({ cells, source: knowledge.sources[index] }))
    return words ? indexed.filter(({ cells }) => cells.join(' ').toLowerCase().includes(words)) : indexed
  }, [knowledge, query])
  const shown = expanded || query ? rows : rows.slice(0, FIRST_ROWS)
  return (
    <section aria-labelledby="knowledge">
      <h2 id="knowledge">{t('What this rule knows')}</h2>
      <p className="muted">
        {t('{{title}}, checked on {{date}}. Images and releases outside this table are not judged.', {
          title: knowledge.title,
          date: knowledge.updated,
        })}
      </p>
      <label className="rule-knowledge__filter">
        {t('Filter the table')}{' '}
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      <div className="rule-knowledge__scroll">
        <table className="rule-knowledge">
          <caption className="visually-hidden">{knowledge.title}</caption>
          <thead>
            <tr>
              {knowledge.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              <th scope="col">{t('source')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ cells, source }, index) => (
              <tr key={`${cells.join('|')}-${index}`}>
                {cells.map((cell, column) => (
                  <td key={knowledge.columns[column]}>{cell}</td>
                ))}
                <td>
                  {source ? (
                    <a href={source} target="_blank" rel="noreferrer">
                      {t('source')}
                      <span className="visually-hidden"> {t('for {{row}}', { row: cells.slice(0, 2).join(' ') })}</span>
                    </a>
                  ) : (
                    '-'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!query && rows.length > FIRST_ROWS && (
        <button type="button" className="button button--small" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('Show fewer rows') : t('Show all {{count}} rows', { count: rows.length })}
        </button>
      )}
    </section>
  )
}
