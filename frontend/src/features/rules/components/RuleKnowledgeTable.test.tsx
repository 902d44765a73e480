import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RuleKnowledgeTable } from './RuleKnowledgeTable'

const releases = Array.from({ length: 20 }, (_, index) => ['python', `3.${index}`, `20${10 + index}-10-01`])
const knowledge = {
  title: 'Release lines and their end of life',
  columns: ['product', 'release', 'end of life'],
  rows: [...releases, ['node', '18', '2025-04-30']],
  sources: [...releases.map(() => 'https://devguide.python.org/versions/'), 'https://github.com/nodejs/Release'],
  updated: '2026-12-03',
}

describe('RuleKnowledgeTable', () => {
  it('shows the first rows with their sources, and all of them on request', async () => {
    render(<RuleKnowledgeTable knowledge={knowledge} />)
    expect(screen.getAllByRole('row')).toHaveLength(1 + 12)
    expect(screen.getAllByRole('link', { name: /source/ })[0]).toHaveAttribute(
      'href',
      'https://devguide.python.org/versions/',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Show all 21 rows' }))
    expect(screen.getAllByRole('row')).toHaveLength(1 + 21)
  })

  it('filters the rows by any cell', async () => {
    render(<RuleKnowledgeTable knowledge={knowledge} />)
    await userEvent.type(screen.getByRole('searchbox', { name: /filter the table/i }), 'node')
    const rows = screen.getAllByRole('row')
    expect(rows).toHaveLength(2)
    expect(rows[1]).toHaveTextContent('2025-04-30')
  })
})
