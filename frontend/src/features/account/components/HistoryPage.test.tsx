import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Analysis, AnalysisSummary } from '../../../api/types'
import { makeAnalysis, makeFinding } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

/** An analysis as the history lists it: a preview of its first line instead of its content and findings. */
function summary(id: string, overrides: Partial<Analysis> & { saves?: number } = {}): AnalysisSummary {
  const { saves = 1, ...fields } = overrides
  const { kind, filename, content, counts, ruleset_version, created, url } = makeAnalysis({ id, ...fields })
  return { id, kind, filename, preview: content.split('\n')[0] ?? '', counts, saves, ruleset_version, created, url }
}

function historyPages(pages: ReturnType<typeof summary>[][]) {
  const count = pages.reduce((total, page) => total + page.length, 0)
  const asked: string[] = []
  server.use(
    http.get('/api/v1/analyses', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
      asked.push(new URL(request.url).search)
      const results = pages[page - 1]
      if (!results) return HttpResponse.json({ message: 'Invalid page.', details: null }, { status: 404 })
      const link = (n: number) => (pages[n - 1] ? `http://testserver/api/v1/analyses?page=${n}` : null)
      return HttpResponse.json({ count, next: link(page + 1), previous: page > 1 ? link(page - 1) : null, results })
    }),
  )
  return asked
}

function analysisLinks(): string[] {
  return within(screen.getByRole('list', { name: 'Analyses' }))
    .queryAllByRole('link')
    .map((link) => link.getAttribute('href') ?? '')
}

describe('HistoryPage', () => {
  beforeEach(() => {
    server.use(http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })))
  })

  it('lists analyses with their name, first line, date, severity counts, saves and link', async () => {
    historyPages([
      [
        summary('first', {
          filename: 'api/Dockerfile',
          content: 'FROM python:3.13-slim\nUSER app\n',
          saves: 3,
          created: '2026-11-28T10:15:00Z',
          findings: [makeFinding({ severity: 'error' }), makeFinding(), makeFinding(), makeFinding({ severity: 'style' })],
        }),
        summary('second', { kind: 'compose', filename: null, findings: [] }),
      ],
    ])
    renderAt('/history')
    const list = await screen.findByRole('list', { name: 'Analyses' })
    expect(analysisLinks()).toEqual(['/a/first', '/a/second'])
    const [first, second] = within(list).getAllByRole('article')
    expect(first).toHaveTextContent('api/Dockerfile')
    expect(first).toHaveTextContent('FROM python:3.13-slim')
    expect(first).toHaveTextContent('saved 3 times')
    expect(first).toHaveTextContent('1 error')
    expect(first).toHaveTextContent('2 warnings')
    expect(first).toHaveTextContent('1 style note')
    expect(first).not.toHaveTextContent('info')
    expect(first!.querySelector('time')).toHaveAttribute('datetime', '2026-11-28T10:15:00Z')
    expect(second).toHaveTextContent('Compose file')
    expect(second).toHaveTextContent('No findings')
    expect(second).not.toHaveTextContent('saved')
    expect(screen.getByText(/^2 entries by alice, newest first/)).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument()
  })

  it('deletes an entry with its identical saves, and clears the whole history', async () => {
    let entries = [summary('keep'), summary('drop', { saves: 2 })]
    const deleted: string[] = []
    server.use(
      http.get('/api/v1/analyses', () =>
        HttpResponse.json({ count: entries.length, next: null, previous: null, results: entries }),
      ),
      http.delete('/api/v1/analyses/:id', ({ params, request }) => {
        deleted.push(`${String(params.id)}${new URL(request.url).search}`)
        entries = entries.filter((entry) => entry.id !== params.id)
        return new HttpResponse(null, { status: 204 })
      }),
      http.delete('/api/v1/analyses', () => {
        deleted.push('all')
        entries = []
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderAt('/history')
    const list = await screen.findByRole('list', { name: 'Analyses' })
    const [, drop] = within(list).getAllByRole('article')
    await userEvent.click(within(drop!).getByRole('button', { name: /^Delete/ }))
    await userEvent.click(within(screen.getByRole('group', { name: /^Delete .*\?$/ })).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(analysisLinks()).toEqual(['/a/keep']))
    expect(deleted).toEqual(['drop?identical=true'])

    await userEvent.click(screen.getByRole('button', { name: 'Clear history' }))
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Clear your history?' })).getByRole('button', { name: 'Clear history' }),
    )
    expect(await screen.findByText('No analyses yet.')).toBeInTheDocument()
    expect(deleted).toEqual(['drop?identical=true', 'all'])
  })

  it('pages through a long history', async () => {
    const asked = historyPages([
      [summary('p1a'), summary('p1b')],
      [summary('p2a'), summary('p2b')],
      [summary('p3a')],
    ])
    const { location } = renderAt('/history')
    await screen.findByRole('list', { name: 'Analyses' })
    const pages = screen.getByRole('navigation', { name: 'Pages' })
    expect(pages).toHaveTextContent('Page 1 of 3')
    expect(within(pages).queryByRole('link', { name: /Newer/ })).not.toBeInTheDocument()

    await userEvent.click(within(pages).getByRole('link', { name: /Older/ }))
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument()
    expect(analysisLinks()).toEqual(['/a/p2a', '/a/p2b'])
    expect(location()?.search).toBe('?page=2')

    await userEvent.click(screen.getByRole('link', { name: /Older/ }))
    expect(await screen.findByText('Page 3 of 3')).toBeInTheDocument()
    expect(analysisLinks()).toEqual(['/a/p3a'])
    expect(screen.queryByRole('link', { name: /Older/ })).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('link', { name: /Newer/ }))
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument()
    expect(asked).toEqual(['', '?page=2', '?page=3', '?page=2'])
  })

  it('says when a page is past the end', async () => {
    historyPages([[summary('only')]])
    renderAt('/history?page=7')
    expect(await screen.findByText('There is no such page')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the first page' })).toHaveAttribute('href', '/history')
  })

  it('says when there is nothing yet and points to the editor', async () => {
    historyPages([[]])
    renderAt('/history')
    expect(await screen.findByText('No analyses yet.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Open the editor' })).toHaveAttribute('href', '/')
  })

  it('offers to retry when the history cannot load', async () => {
    let calls = 0
    server.use(
      http.get('/api/v1/analyses', () => {
        calls++
        return calls === 1
          ? HttpResponse.json({ message: 'boom' }, { status: 500 })
          : HttpResponse.json({ count: 1, next: null, previous: null, results: [summary('back')] })
      }),
    )
    renderAt('/history')
    expect(await screen.findByRole('alert')).toHaveTextContent('The server had a problem (HTTP 500)')
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('list', { name: 'Analyses' })).toBeInTheDocument()
    expect(analysisLinks()).toEqual(['/a/back'])
  })

  it('asks visitors to sign in without asking the API for a history', async () => {
    let listed = false
    server.use(
      http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: false, username: null })),
      http.get('/api/v1/analyses', () => {
        listed = true
        return HttpResponse.json({ message: 'Authentication credentials were not provided.' }, { status: 403 })
      }),
    )
    renderAt('/history')
    expect(await screen.findByText('Sign in to see your history')).toBeInTheDocument()
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/signin?next=%2Fhistory',
    )
    expect(listed).toBe(false)
  })
})

describe('HistoryPage when the session has ended on the server', () => {
  it('signs the app out and asks to sign in again', async () => {
    server.use(
      http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })),
      http.get('/api/v1/analyses', () =>
        HttpResponse.json({ message: 'Authentication credentials were not provided.', details: null }, { status: 403 }),
      ),
    )
    renderAt('/history')
    expect(await screen.findByText('Sign in to see your history')).toBeInTheDocument()
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Sign in' })).toBeInTheDocument()
  })
})
