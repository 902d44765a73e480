import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'
import type { Overview, ScanSummary } from '../api/insights'

function scan(id: number, overrides: Partial<ScanSummary> = {}): ScanSummary {
  return {
    id,
    url: `/api/v1/projects/payments/scans/${id}`,
    status: 'done',
    repository: 'git@example.com:pay.git',
    commit: `c0ffee${id}`,
    branch: 'main',
    paths: ['.'],
    files_found: 2,
    files_analysed: 2,
    counts: { error: 1, warning: 2, info: 0, style: 0 },
    error: '',
    created: `2026-11-0${id}T10:00:00Z`,
    finished: `2026-11-0${id}T10:01:00Z`,
    ...overrides,
  }
}

function overview(overrides: Partial<Overview> = {}): Overview {
  return {
    project: {
      name: 'Payments',
      slug: 'payments',
      visibility: 'public',
      default_branch: 'main',
      created: '2026-11-01T00:00:00Z',
      role: 'viewer',
    },
    branch: 'main',
    branches: [scan(3), scan(2, { branch: 'feature', status: 'running', counts: {} })],
    series: [
      { id: 1, created: '2026-11-01T10:00:00Z', commit: 'aaa', counts: { error: 3, warning: 2, info: 0, style: 1 } },
      { id: 3, created: '2026-11-03T10:00:00Z', commit: 'bbb', counts: { error: 1, warning: 2, info: 0, style: 0 } },
    ],
    latest: scan(3),
    top_rules: [
      { rule: 'DF007', title: 'Base image uses the `latest` tag', severity: 'warning', count: 2 },
      { rule: 'DC025', title: 'A database port is published', severity: 'error', count: 1 },
    ],
    top_files: [{ id: 41, path: 'api/Dockerfile', kind: 'dockerfile', counts: { error: 0, warning: 2, info: 0, style: 0 }, total: 2 }],
    changes: {
      baseline: 1,
      new_count: 1,
      fixed_count: 3,
      new: [
        { rule: 'DC025', rule_title: '', severity: 'error', message: 'port `5432` published', path: 'compose.yaml', line: 5, scan: 3, file: 42 },
      ],
      fixed: [
        { rule: 'DF005', rule_title: '', severity: 'warning', message: 'runs as root', path: 'api/Dockerfile', line: 1, scan: 1, file: 7 },
      ],
    },
    ...overrides,
  }
}

function serve(body: Overview | ((branch: string | null) => Overview)) {
  const asked: (string | null)[] = []
  server.use(
    http.get('/api/v1/projects/payments', () => HttpResponse.json(overview().project)),
    http.get('/api/v1/projects/payments/overview', ({ request }) => {
      const branch = new URL(request.url).searchParams.get('branch')
      asked.push(branch)
      return HttpResponse.json(typeof body === 'function' ? body(branch) : body)
    }),
  )
  return asked
}

describe('ProjectOverviewPage', () => {
  it('shows the latest scan, the chart with its numbers, what changed, the top rules and files', async () => {
    serve(overview())
    renderAt('/projects/payments')

    expect(await screen.findByRole('heading', { level: 1, name: 'Payments' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Payments · Dockwright'))
    const latest = await screen.findByRole('region', { name: 'Latest scan' })
    expect(latest).toHaveTextContent('c0ffee3')
    expect(latest).toHaveTextContent('1 error2 warnings')

    const chart = screen.getByRole('img', { name: 'Findings by severity, scan by scan' })
    expect(chart).toHaveAccessibleDescription(/2 scans from .* to .*; the latest has 1 error, 2 warnings, 0 info, 0 style\./)
    expect(chart.querySelectorAll('rect.severity-chart__bar--error')).toHaveLength(2)
    const numbers = screen.getByRole('table', { name: 'Findings by severity, scan by scan' })
    expect(within(numbers).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'ScanErrorsWarningsInfoStyle',
      expect.stringMatching(/aaa3201$/),
      expect.stringMatching(/bbb1200$/),
    ])

    const changes = screen.getByRole('region', { name: 'Since the previous scan' })
    expect(within(changes).getByRole('heading', { name: 'New: 1' })).toBeInTheDocument()
    expect(within(changes).getByRole('link', { name: 'compose.yaml:5' })).toHaveAttribute('href', '/projects/payments/scans/3/files/42#L5')
    expect(within(changes).getByRole('link', { name: 'api/Dockerfile:1' })).toHaveAttribute('href', '/projects/payments/scans/1/files/7#L1')
    expect(within(changes).getByText('And 2 more.')).toBeInTheDocument()

    const rules = screen.getByRole('region', { name: 'Rules with the most findings' })
    expect(within(rules).getByRole('link', { name: /DF007 Base image uses the latest tag/ })).toHaveAttribute('href', '/rules/DF007')
    const files = screen.getByRole('region', { name: 'Files with the most findings' })
    expect(within(files).getByRole('link', { name: 'api/Dockerfile' })).toHaveAttribute('href', '/projects/payments/scans/3/files/41')

    const branches = screen.getByRole('region', { name: 'Branches' })
    expect(within(branches).getByRole('link', { name: 'feature' })).toHaveAttribute('href', '/projects/payments?branch=feature')
    expect(within(branches).getByText('Running')).toBeInTheDocument()

    const badge = screen.getByRole('region', { name: 'Status badge' })
    expect(within(badge).getByRole('img', { name: 'Dockwright status badge of Payments' })).toHaveAttribute(
      'src',
      '/api/v1/projects/payments/badge.svg',
    )
    expect(badge).toHaveTextContent('![Dockwright](http://localhost:3000/api/v1/projects/payments/badge.svg)')
  })

  it('shows another branch when it is picked, keeping the page while it loads', async () => {
    const asked = serve((branch) =>
      branch === 'feature' ? overview({ branch: 'feature', latest: scan(2, { branch: 'feature', commit: 'feedbeef' }) }) : overview(),
    )
    const { location } = renderAt('/projects/payments')
    const picker = await screen.findByRole('combobox', { name: 'Branch' })

    await userEvent.selectOptions(picker, 'feature')

    await waitFor(() => expect(screen.getByRole('region', { name: 'Latest scan' })).toHaveTextContent('feedbeef'))
    expect(location()?.search).toBe('?branch=feature')
    expect(asked).toEqual([null, 'feature'])
    expect(screen.getByRole('combobox', { name: 'Branch' })).toHaveValue('feature')
  })

  it('says when the project has no scans yet', async () => {
    serve(overview({ branches: [], series: [], latest: null, top_rules: [], top_files: [], changes: null }))
    renderAt('/projects/payments')
    expect(await screen.findByText('No scans yet.')).toBeInTheDocument()
    expect(screen.queryByRole('img', { name: 'Findings by severity, scan by scan' })).not.toBeInTheDocument()
  })

  it('is the first tab of the project, the scans the second', async () => {
    serve(overview())
    renderAt('/projects/payments')
    const tabs = await screen.findByRole('navigation', { name: 'Project' })
    expect(within(tabs).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page')
    expect(within(tabs).getByRole('link', { name: 'Scans' })).toHaveAttribute('href', '/projects/payments/scans')
  })

  it('says when the overview cannot be read, and tries again', async () => {
    let calls = 0
    server.use(
      http.get('/api/v1/projects/payments', () => HttpResponse.json(overview().project)),
      http.get('/api/v1/projects/payments/overview', () => {
        calls += 1
        return calls === 1
          ? HttpResponse.json({ message: 'busy', details: null }, { status: 503 })
          : HttpResponse.json(overview())
      }),
    )
    renderAt('/projects/payments')
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('region', { name: 'Latest scan' })).toBeInTheDocument()
  })
})
