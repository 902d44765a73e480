import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../api/client'
import { makeAnalysis, makeFinding, makeRule } from '../../../test/fixtures'
import type { LiveAnalysis } from '../hooks/useLiveAnalysis'
import { FindingsPanel } from './FindingsPanel'

// The list of findings loads as a chunk of its own: a panel with findings is ready once it is drawn.
async function renderPanel(live: LiveAnalysis, overrides: Partial<Parameters<typeof FindingsPanel>[0]> = {}) {
  const props = {
    ...live,
    fresh: true,
    onSelect: vi.fn(),
    onApplyFix: vi.fn(),
    empty: <p>Nothing here yet</p>,
    onRetry: vi.fn(),
    ...overrides,
  }
  render(
    <MemoryRouter>
      <FindingsPanel {...props} />
    </MemoryRouter>,
  )
  await waitFor(() => expect(screen.queryByText('Loading the findings…')).not.toBeInTheDocument())
  return props
}

const findings = [
  makeFinding({ rule: 'DF010', severity: 'info', line: 3, message: 'recommended packages' }),
  makeFinding({ rule: 'DF003', severity: 'warning', line: 1, message: 'latest tag' }),
  makeFinding({ rule: 'DF020', severity: 'error', line: 8, message: 'secret in ENV' }),
  makeFinding({ rule: 'DF005', severity: 'warning', line: 12, column: 1, message: 'runs as root' }),
  makeFinding({ rule: 'DF004', severity: 'warning', line: 5, message: 'unpinned apt' }),
]

describe('FindingsPanel', () => {
  it('groups findings by severity, most severe first, each sorted by line', async () => {
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings }), error: null })
    const groups = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)
    expect(groups).toEqual(['1 error', '3 warnings', '1 info'])

    const rows = screen.getAllByRole('article').map((row) => row.getAttribute('aria-label'))
    expect(rows).toEqual(['Error DF020', 'Warning DF003', 'Warning DF004', 'Warning DF005', 'Info DF010'])
    const buttons = screen.getAllByRole('button', { name: /Show in editor/ })
    const positions = buttons.map((button) => button.querySelector('[aria-hidden="true"]')?.textContent)
    expect(positions).toEqual(['8:6', '1:6', '5:6', '12:1', '3:6'])
    // The name holds what is shown (label-content-name-mismatch): "Line 8, column 6" for "8:6".
    expect(buttons[0]).toHaveAccessibleName(/^Line 8, column 6: /)
  })

  it('moves to a finding when it is clicked', async () => {
    const props = await renderPanel({ status: 'done', analysis: makeAnalysis({ findings }), error: null })
    await userEvent.click(screen.getByRole('button', { name: /secret in ENV/ }))
    expect(props.onSelect).toHaveBeenCalledWith(expect.objectContaining({ rule: 'DF020', line: 8 }))
  })

  it('links each finding to its rule page', async () => {
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: [findings[1]!] }), error: null })
    expect(screen.getByRole('link', { name: /DF003/ })).toHaveAttribute('href', '/rules/DF003')
  })

  it('offers a fix only for findings with edits, and only while the analysis is current', async () => {
    const withFix = makeFinding({
      rule: 'DF010',
      fix: {
        title: 'Add --no-install-recommends',
        safe: true,
        edits: [{ line: 1, column: 5, end_line: 1, end_column: 5, replacement: 'x' }],
      },
    })
    const withoutEdits = makeFinding({ rule: 'DF011', fix: { title: 'Think about it', safe: false, edits: [] } })
    const live: LiveAnalysis = { status: 'done', analysis: makeAnalysis({ findings: [withFix, withoutEdits] }), error: null }

    const props = await renderPanel(live)
    const buttons = screen.getAllByRole('button', { name: /Apply fix/ })
    expect(buttons).toHaveLength(1)
    await userEvent.click(buttons[0]!)
    expect(props.onApplyFix).toHaveBeenCalledWith(withFix)
  })

  it("links a ShellCheck finding to the code's page on the ShellCheck wiki", async () => {
    const shellcheck = makeFinding({ rule: 'DF100', message: 'SC2086: Double quote to prevent globbing.', code: 'SC2086', help_url: 'https://www.shellcheck.net/wiki/SC2086' })
    const other = makeFinding({ rule: 'DF003', message: 'SC2086 is not a ShellCheck finding here' })
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: [shellcheck, other] }), error: null })
    const links = screen.getAllByRole('link', { name: /explained on the ShellCheck wiki/ })
    expect(links).toHaveLength(1)
    expect(links[0]).toHaveAttribute('href', 'https://www.shellcheck.net/wiki/SC2086')
    expect(links[0]).toHaveAttribute('rel', 'noreferrer')
  })

  it('marks a fix that is not safe for review', async () => {
    const edits = [{ line: 2, column: 10, end_line: 2, end_column: 10, replacement: '"' }]
    const safe = makeFinding({ rule: 'DF010', fix: { title: 'Add --no-install-recommends', safe: true, edits } })
    const suggestion = makeFinding({
      rule: 'DF100',
      message: 'SC2086: Double quote to prevent globbing and word splitting.',
      fix: { title: "Apply ShellCheck's fix for SC2086", safe: false, edits },
    })
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: [safe, suggestion] }), error: null })
    const [safeButton, reviewButton] = screen.getAllByRole('button', { name: /Apply fix/ })
    expect(safeButton).not.toHaveTextContent('(review)')
    expect(safeButton).toHaveAttribute('title', 'Add --no-install-recommends')
    expect(reviewButton).toHaveTextContent('(review)')
    expect(reviewButton!.getAttribute('title')).toMatch(/can change what the file does/)
  })

  it('disables fixes while the text has changed since the analysis', async () => {
    const withFix = makeFinding({
      fix: { title: 'Pin', safe: true, edits: [{ line: 1, column: 1, end_line: 1, end_column: 2, replacement: '' }] },
    })
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: [withFix] }), error: null }, { fresh: false })
    expect(screen.getByRole('button', { name: /Apply fix/ })).toBeDisabled()
  })

  it('celebrates a clean file', async () => {
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: [] }), error: null })
    expect(screen.getByText('Looks good')).toBeInTheDocument()
    expect(screen.getByText('No findings')).toBeInTheDocument()
  })

  it('shows the empty state before anything is analysed', async () => {
    await renderPanel({ status: 'idle', analysis: null, error: null })
    expect(screen.getByText('Nothing here yet')).toBeInTheDocument()
  })

  it('shows the API message of a failed analysis, without a retry that would fail the same way', async () => {
    const error = new ApiError({ status: 413, kind: 'too-large', message: 'content is larger than 262144 bytes' })
    await renderPanel({ status: 'error', analysis: null, error })
    expect(screen.getByRole('alert')).toHaveTextContent('This file is too large')
    expect(screen.getByRole('alert')).toHaveTextContent('content is larger than 262144 bytes')
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
  })

  it('offers a retry when the server could not be reached', async () => {
    const error = new ApiError({ status: 0, kind: 'offline', message: 'Cannot reach the Dockwright server.' })
    const props = await renderPanel({ status: 'error', analysis: null, error })
    expect(screen.getByRole('alert')).toHaveTextContent('You seem to be offline')
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(props.onRetry).toHaveBeenCalled()
  })

  it('says why each finding matters and how to fix it, from the rules (loaded once per page)', async () => {
    // The mocked API's rules list holds DF007; the app keeps it for the page's lifetime.
    const rule = makeRule()
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: [makeFinding({ rule: rule.id })] }), error: null })
    const why = await screen.findByText(/Why it matters:/)
    expect(why.closest('summary')).toHaveTextContent(`Why it matters: ${rule.rationale.replaceAll('`', '')}`)
    expect(screen.getByText(/^Fix:/).closest('p')).toHaveTextContent(`Fix: ${rule.fix_title}`)
  })

  it('shows URLs in messages as links, without the bracket around them', async () => {
    const eol = makeFinding({
      rule: 'DF004',
      message: 'python 3.8 in `python:3.8` reached its end of life on 2024-10-07 (https://devguide.python.org/versions/)',
    })
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: [eol] }), error: null })
    const link = screen.getByRole('link', { name: 'devguide.python.org/versions' })
    expect(link).toHaveAttribute('href', 'https://devguide.python.org/versions/')
    expect(link.parentElement).toHaveTextContent(/\(devguide\.python\.org\/versions\)$/)
    expect(link.parentElement).not.toHaveTextContent('`')
  })
})

describe('FindingsPanel severity filter', () => {
  afterEach(() => localStorage.clear())

  const mixed = [
    makeFinding({ rule: 'DF003', severity: 'warning', line: 1, message: 'latest tag' }),
    makeFinding({ rule: 'DF103', severity: 'style', line: 2, message: 'casing' }),
  ]

  it('hides style notes and remembers the choice', async () => {
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: mixed }), error: null })
    const style = screen.getByRole('button', { name: 'Style notes 1' })
    expect(style).toHaveAttribute('aria-pressed', 'true')
    await userEvent.click(style)
    expect(style).toHaveAttribute('aria-pressed', 'false')
    expect(screen.queryByRole('button', { name: /casing/ })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: /latest tag/ })).toBeInTheDocument()
    expect(screen.getByText(/1 hidden/)).toBeInTheDocument()
    expect(localStorage.getItem('dockwright.findings.hiddenSeverities')).toBe('["style"]')
  })

  it('starts from the remembered choice and says when everything is hidden', async () => {
    localStorage.setItem('dockwright.findings.hiddenSeverities', '["warning","style"]')
    await renderPanel({ status: 'done', analysis: makeAnalysis({ findings: mixed }), error: null })
    expect(screen.getByRole('button', { name: 'Warnings 1' })).toHaveAttribute('aria-pressed', 'false')
    expect(screen.getByText(/The filter hides every finding/)).toBeInTheDocument()
  })
})
