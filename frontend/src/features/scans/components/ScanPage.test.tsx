import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Scan } from '../../../api/types'
import { makeProject, makeScan, makeScanFinding } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

function projectWith(answers: Scan[]) {
  const state = { reads: 0 }
  server.use(
    http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })),
    http.get('/api/v1/projects/payments', () => HttpResponse.json(makeProject())),
    http.get('/api/v1/projects/payments/scans/7', () => {
      const answer = answers[Math.min(state.reads, answers.length - 1)]!
      state.reads += 1
      return HttpResponse.json(answer)
    }),
  )
  return state
}

const FILES = [
  { id: 1, path: 'api/Dockerfile', kind: 'dockerfile', analysed: false, error: '', counts: {} },
  { id: 2, path: 'compose.yaml', kind: 'compose', analysed: false, error: '', counts: {} },
  { id: 3, path: '.env', kind: '', analysed: false, error: '', counts: {} },
]
const pending = makeScan({ status: 'pending', files_found: 2, files_analysed: 0, files: FILES, findings: [], counts: {}, finished: null, new: 0 })
const running = { ...pending, status: 'running' as const, files_analysed: 1 }
const done = makeScan({
  status: 'done',
  files_found: 2,
  files_analysed: 2,
  baseline: 5,
  counts: { error: 1, warning: 1 },
  files: FILES.map((file) => ({ ...file, analysed: true })),
  findings: [
    makeScanFinding({ path: 'api/Dockerfile', line: 3, rule: 'DF003', severity: 'error', message: 'runs as root', new: true, fingerprint: 'a' }),
    makeScanFinding({ path: 'api/Dockerfile', line: 1, rule: 'DF007', message: 'uses `latest`', new: false, fingerprint: 'b' }),
  ],
  new: 1,
  fixed: [makeScanFinding({ path: 'compose.yaml', line: 4, rule: 'DC001', message: 'privileged', new: false, fingerprint: 'c' })],
})

describe('ScanPage', () => {
  it('follows a scan while a worker analyses it, then shows its findings by file, new and fixed', async () => {
    const api = projectWith([pending, running, done])
    renderAt('/projects/payments/scans/7')
    expect(await screen.findByRole('progressbar', { name: '0 of 2 files analysed' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for a worker')
    expect(await screen.findByRole('progressbar', { name: '1 of 2 files analysed' }, { timeout: 4000 })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('A worker is analysing it')

    expect(await screen.findByText(/1 new and 1 fixed against scan 5/, {}, { timeout: 4000 })).toBeInTheDocument()
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
    const findings = screen.getByRole('region', { name: 'Findings' })
    const dockerfile = within(findings).getByRole('group', { name: 'api/Dockerfile' })
    const items = within(dockerfile).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('line 1:6'),
      expect.stringContaining('line 3:6'),
    ])
    expect(items[1]).toHaveTextContent('New')
    expect(items[0]).not.toHaveTextContent('New')
    expect(within(items[0]!).getByRole('link', { name: 'DF007' })).toHaveAttribute('href', '/rules/DF007')
    expect(screen.getByRole('heading', { name: 'Fixed since scan 5' })).toBeInTheDocument()
    const fixed = screen.getByRole('region', { name: 'Fixed since scan 5' })
    expect(within(fixed).getByRole('group', { name: 'compose.yaml' })).toHaveTextContent('privileged')
    expect(screen.getByText(/Without findings:/)).toHaveTextContent('compose.yaml')

    await userEvent.click(screen.getByRole('checkbox', { name: 'Only new findings' }))
    expect(within(screen.getByRole('group', { name: 'api/Dockerfile' })).getAllByRole('listitem')).toHaveLength(1)

    // Done: nothing more is asked.
    const reads = api.reads
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(api.reads).toBe(reads)
  })

  it('shows a finished scan at once, and says when there is nothing to compare with', async () => {
    const api = projectWith([{ ...done, baseline: null, fixed: [] }])
    renderAt('/projects/payments/scans/7')
    expect(await screen.findByText(/No earlier scan of main to compare with/)).toBeInTheDocument()
    expect(screen.queryByRole('checkbox', { name: 'Only new findings' })).not.toBeInTheDocument()
    expect(screen.queryByText('New')).not.toBeInTheDocument()
    await waitFor(() => expect(api.reads).toBe(1))
  })

  it("says why a scan failed", async () => {
    projectWith([{ ...pending, status: 'failed', error: 'the analysis failed: MemoryError' }])
    renderAt('/projects/payments/scans/7')
    expect(await screen.findByText('the analysis failed: MemoryError')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('The scan failed.')
  })
})
