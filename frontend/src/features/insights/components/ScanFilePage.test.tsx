import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'
import type { ScanFileDetail, ScanFinding } from '../api/insights'

function finding(overrides: Partial<ScanFinding>): ScanFinding {
  return {
    rule: 'DF007',
    rule_title: 'Base image uses the `latest` tag',
    severity: 'warning',
    message: '`python:latest` uses the `latest` tag',
    line: 1,
    column: 6,
    end_line: 1,
    end_column: 19,
    code: null,
    help_url: '/rules/DF007',
    path: 'api/Dockerfile',
    fingerprint: 'f1',
    new: false,
    ...overrides,
  }
}

function file(overrides: Partial<ScanFileDetail> = {}): ScanFileDetail {
  return {
    id: 41,
    path: 'api/Dockerfile',
    kind: 'dockerfile',
    analysed: true,
    error: '',
    counts: { error: 1, warning: 1, info: 0, style: 0 },
    scan: {
      id: 3,
      url: '/api/v1/projects/payments/scans/3',
      status: 'done',
      repository: '',
      commit: 'c0ffee1234567890',
      branch: 'feature',
      paths: [],
      files_found: 1,
      files_analysed: 1,
      counts: {},
      error: '',
      created: '2026-11-03T10:00:00Z',
      finished: null,
    },
    content: 'FROM python:latest\nRUN cd /app\nCMD python app.py\n',
    findings: [
      finding({}),
      finding({ rule: 'DF003', severity: 'error', message: 'use WORKDIR', line: 2, column: 5, end_column: 12, fingerprint: 'f2', new: true }),
    ],
    ...overrides,
  }
}

const PROJECT = {
  name: 'Payments',
  slug: 'payments',
  visibility: 'private',
  default_branch: 'main',
  created: '2026-11-01T00:00:00Z',
  role: 'viewer',
}

describe('ScanFilePage', () => {
  beforeEach(() => {
    server.use(http.get('/api/v1/projects/payments', () => HttpResponse.json(PROJECT)))
  })

  it('shows the content with its findings underlined and listed with their place', async () => {
    server.use(http.get('/api/v1/projects/payments/scans/3/files/41', () => HttpResponse.json(file())))
    renderAt('/projects/payments/scans/3/files/41')

    expect(await screen.findByRole('heading', { level: 2, name: 'api/Dockerfile' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Payments' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('api/Dockerfile · Dockwright'))
    const code = screen.getByRole('region', { name: 'Content of api/Dockerfile' })
    expect(code).toHaveTextContent('FROM python:latest')
    const warning = code.querySelectorAll('.annotated-code__mark--warning')
    expect([...warning].map((mark) => mark.textContent).join('')).toBe('python:latest')
    const error = code.querySelectorAll('.annotated-code__mark--error')
    expect([...error].map((mark) => mark.textContent).join('')).toBe('cd /app')
    expect(code.querySelector('#L3')).toHaveTextContent('CMD python app.py')

    const list = screen.getByRole('region', { name: '2 findings' })
    const items = within(list).getAllByRole('listitem')
    expect(within(items[1]!).getByRole('link', { name: 'DF003' })).toHaveAttribute('href', '/rules/DF003')
    expect(within(items[1]!).getByRole('link', { name: 'Line 2, column 5' })).toHaveAttribute('href', '#L2')
    expect(items[1]).toHaveTextContent('New')
    expect(items[0]).not.toHaveTextContent('New')
    expect(screen.getByRole('link', { name: 'Back to the overview' })).toHaveAttribute('href', '/projects/payments?branch=feature')
  })

  it('shows a file the others read without findings', async () => {
    server.use(
      http.get('/api/v1/projects/payments/scans/3/files/42', () =>
        HttpResponse.json(file({ id: 42, path: '.dockerignore', kind: '', content: '*.log\n', findings: [], counts: {} })),
      ),
    )
    renderAt('/projects/payments/scans/3/files/42')
    expect(await screen.findByText(/it is not analysed itself/)).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Content of .dockerignore' })).toHaveTextContent('*.log')
  })

  it('says when the file is not there', async () => {
    server.use(
      http.get('/api/v1/projects/payments/scans/3/files/99', () =>
        HttpResponse.json({ message: 'no file 99', details: null }, { status: 404 }),
      ),
    )
    renderAt('/projects/payments/scans/3/files/99')
    expect(await screen.findByRole('heading', { level: 2, name: 'File not found' })).toBeInTheDocument()
  })
})
