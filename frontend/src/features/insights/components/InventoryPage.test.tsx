import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'
import type { ImageRow, InventorySummary, PortRow, RootRow } from '../api/insights'

const SUMMARY: InventorySummary = {
  projects: [
    { slug: 'payments', name: 'Payments', scan: 3, scanned: '2026-11-03T10:00:00Z' },
    { slug: 'website', name: 'Website', scan: 5, scanned: '2026-11-04T10:00:00Z' },
  ],
  counts: { images: 2, images_past_end_of_life: 1, root: 1, database_ports: 1, database_ports_exposed: 1 },
  complete: true,
}
const place = { project: 'payments', scan: 3, file: 41, path: 'api/Dockerfile', line: 3, where: '1' }
const IMAGES: ImageRow[] = [
  {
    name: 'python',
    tag: '3.8-slim',
    reference: 'python:3.8-slim',
    files: 2,
    uses: 2,
    projects: ['payments', 'website'],
    end_of_life: '2024-10-07',
    release: 'python 3.8',
    past_end_of_life: true,
    examples: [place],
  },
  {
    name: 'example/api',
    tag: '',
    reference: 'example/api',
    files: 1,
    uses: 1,
    projects: ['payments'],
    end_of_life: null,
    release: '',
    past_end_of_life: false,
    examples: [{ ...place, path: 'compose.yaml', line: 7, where: 'api' }],
  },
]
const ROOT: RootRow[] = [{ ...place, kind: 'dockerfile', user: 'root', reason: 'image', image: 'python:3.8-slim' }]
const PORTS: PortRow[] = [
  {
    ...place,
    path: 'compose.yaml',
    where: 'db',
    database: 'PostgreSQL',
    host_ip: '',
    published: '5432',
    target: '5432',
    protocol: 'tcp',
    all_interfaces: true,
    image: 'postgres:16',
  },
]

function page(results: readonly unknown[]) {
  return { count: results.length, next: null, previous: null, complete: true, results }
}

function serve() {
  const asked: string[] = []
  server.use(
    http.get('/api/v1/inventory', () => HttpResponse.json(SUMMARY)),
    http.get('/api/v1/inventory/:section', ({ request, params }) => {
      asked.push(`${String(params.section)}${new URL(request.url).search}`)
      const rows: Record<string, readonly unknown[]> = { images: IMAGES, root: ROOT, 'database-ports': PORTS }
      return HttpResponse.json(page(rows[String(params.section)] ?? []))
    }),
  )
  return asked
}

describe('InventoryPage', () => {
  beforeEach(() => {
    server.use(http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })))
  })

  it('lists the images of ones projects with their end of life and where they are used', async () => {
    serve()
    renderAt('/inventory')

    expect(await screen.findByRole('heading', { level: 1, name: 'Inventory' })).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Images in use' })
    const [, python, api] = within(table).getAllByRole('row')
    expect(python).toHaveTextContent('python:3.8-slim')
    expect(python).toHaveTextContent('python 3.8')
    expect(python).toHaveTextContent('past')
    expect(within(python!).getByRole('link', { name: 'payments: api/Dockerfile:3' })).toHaveAttribute(
      'href',
      '/projects/payments/scans/3/files/41#L3',
    )
    expect(api).toHaveTextContent('(no tag: latest)')
    expect(api).toHaveTextContent('not known')
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', '/api/v1/inventory/images?format=csv')
    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute('href', '/projects/payments')
  })

  it('filters through the address, and the CSV link follows the filters', async () => {
    const asked = serve()
    const { location } = renderAt('/inventory')
    await screen.findByRole('table', { name: 'Images in use' })

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'End of life' }), 'past')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Project' }), 'website')
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'py')

    await waitFor(() => expect(location()?.search).toBe('?project=website&q=py&eol=past'))
    await waitFor(() => expect(asked.at(-1)).toBe('images?project=website&q=py&eol=past'))
    expect(asked.filter((query) => query.includes('q=p'))).toHaveLength(1) // asked once the typing paused
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      '/api/v1/inventory/images?project=website&q=py&eol=past&format=csv',
    )
  })

  it('shows what runs as root and the published database ports', async () => {
    const asked = serve()
    renderAt('/inventory')
    await userEvent.click(await screen.findByRole('link', { name: 'Runs as root (1)' }))
    const root = await screen.findByRole('table', { name: 'What runs as root' })
    expect(root).toHaveTextContent("The image's default user")

    await userEvent.click(screen.getByRole('link', { name: 'Database ports (1)' }))
    const ports = await screen.findByRole('table', { name: 'Published database ports' })
    expect(ports).toHaveTextContent('PostgreSQL')
    expect(ports).toHaveTextContent('Every interface')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Interface' }), 'true')
    await waitFor(() => expect(asked.at(-1)).toBe('database-ports?exposed=true'))
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      '/api/v1/inventory/database-ports?exposed=true&format=csv',
    )
  })

  it('asks visitors to sign in', async () => {
    server.use(
      http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: false, username: null })),
      http.get('/api/v1/inventory', () =>
        HttpResponse.json({ message: 'Authentication credentials were not provided.', details: null }, { status: 403 }),
      ),
    )
    renderAt('/inventory')
    expect(await screen.findByText('Sign in to see your inventory')).toBeInTheDocument()
  })

  it('says when no project has a scan yet', async () => {
    server.use(
      http.get('/api/v1/inventory', () =>
        HttpResponse.json({ ...SUMMARY, projects: [], counts: { ...SUMMARY.counts, images: 0 } }),
      ),
    )
    renderAt('/inventory')
    expect(await screen.findByText('Nothing to show yet.')).toBeInTheDocument()
  })
})
