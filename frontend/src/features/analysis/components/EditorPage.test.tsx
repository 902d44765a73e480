import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { undoDepth } from '@codemirror/commands'
import { EditorView } from '@codemirror/view'
import { describe, expect, it } from 'vitest'
import { makeAnalysis, makeFinding, makeLintResult } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

const stored = makeAnalysis({
  id: 'storedAnalysis00000001',
  content: 'FROM python:latest\nRUN apt-get install curl\n',
  findings: [
    makeFinding({ rule: 'DF010', severity: 'info', line: 2, column: 5, end_line: 2, end_column: 20, message: 'installs recommended packages' }),
    makeFinding({ rule: 'DF003', severity: 'warning', line: 1, message: '`python:latest` uses the moving `latest` tag' }),
  ],
})

function countRequests() {
  const counts = { get: 0, post: 0 }
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET' && new URL(request.url).pathname.startsWith('/api/v1/analyses/')) counts.get++
    if (request.method === 'POST') counts.post++
  })
  return counts
}

describe('EditorPage permalinks', () => {
  it('loads /a/<id> and shows its content and findings without analysing again', async () => {
    server.use(
      http.get('/api/v1/analyses/:id', ({ params }) =>
        params.id === stored.id ? HttpResponse.json(stored) : HttpResponse.json({ message: 'nope' }, { status: 404 }),
      ),
    )
    const requests = countRequests()
    const { container, location } = renderAt(`/a/${stored.id}`)

    expect(await screen.findByRole('button', { name: /python:latest uses the moving latest tag/ })).toBeInTheDocument()
    expect(screen.getByText('installs recommended packages')).toBeInTheDocument()
    await waitFor(() => expect(container.querySelector('.cm-content')?.textContent).toContain('FROM python:latest'))
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(requests).toEqual({ get: 1, post: 0 })
    expect(location()?.pathname).toBe(`/a/${stored.id}`)
  })

  it('explains an unknown permalink', async () => {
    server.use(
      http.get('/api/v1/analyses/:id', () =>
        HttpResponse.json({ message: 'No analysis with this id.', details: null }, { status: 404 }),
      ),
    )
    renderAt('/a/doesNotExist')
    expect(await screen.findByText('This analysis link does not work')).toBeInTheDocument()
  })

  it('says plainly that a deleted or expired link is gone, with no retry', async () => {
    server.use(
      http.get('/api/v1/analyses/:id', () =>
        HttpResponse.json({ message: 'analysis goneAnalysis expired on 2026-11-01', details: null }, { status: 410 }),
      ),
    )
    renderAt('/a/goneAnalysis')
    expect(await screen.findByRole('heading', { level: 1, name: 'This analysis is no longer available' })).toBeInTheDocument()
    expect(screen.getByText(/Analysis goneAnalysis expired on 2026-11-01/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    // The title is set by an effect, which may run a moment after the heading is drawn.
    await waitFor(() => expect(document.title).toBe('Analysis no longer available · Dockwright'))
  })

  it('stores nothing while typing; Share stores the analysis and shows its link and who can read it', async () => {
    server.use(
      http.post('/api/v1/analyses', async ({ request }) => {
        const body = (await request.json()) as { content: string }
        return HttpResponse.json(makeAnalysis({ id: 'freshAnalysis000000001', content: body.content }), { status: 201 })
      }),
    )
    const stores: string[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/analyses') stores.push(request.url)
    })
    const { location } = renderAt('/')
    await userEvent.click(await screen.findByRole('button', { name: 'Python app with common mistakes' }))
    expect(await screen.findByRole('button', { name: /python:latest uses the latest tag/ })).toBeInTheDocument()
    expect(stores).toEqual([])
    expect(location()?.pathname).toBe('/')

    await userEvent.click(screen.getByRole('button', { name: 'Share' }))
    await waitFor(() => expect(location()?.pathname).toBe('/a/freshAnalysis000000001'))
    const panel = screen.getByRole('region', { name: 'Shared link' })
    expect(panel).toHaveTextContent('Anyone with this link can read this file.')
    expect(screen.getByRole('textbox', { name: 'Link to this analysis' })).toHaveValue(
      `${window.location.origin}/a/freshAnalysis000000001`,
    )
    expect(stores).toHaveLength(1)
  })

  it('lets the owner delete a shared analysis from its page', async () => {
    const mine = makeAnalysis({ ...stored, id: 'mineAnalysis0000000001', can_delete: true })
    let deleted = ''
    server.use(
      http.get('/api/v1/analyses/:id', () => HttpResponse.json(mine)),
      http.delete('/api/v1/analyses/:id', ({ params }) => {
        deleted = String(params.id)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { location } = renderAt(`/a/${mine.id}`)
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }))
    await userEvent.click(within(screen.getByRole('group', { name: 'Delete this analysis?' })).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(location()?.pathname).toBe('/'))
    expect(deleted).toBe(mine.id)
    expect(screen.getByText('Analysis deleted')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Share' })).toBeInTheDocument()
  })
})

describe('EditorPage editing', () => {
  it('keeps the same editor, text and undo history across analyses', async () => {
    let linted = 0
    server.use(
      http.post('/api/v1/lint', async () => {
        linted++
        return HttpResponse.json(makeLintResult())
      }),
    )
    const { container, location } = renderAt('/')
    await waitFor(() => expect(container.querySelector('.cm-editor')).not.toBeNull())
    const editorElement = container.querySelector('.cm-editor') as HTMLElement
    const view = EditorView.findFromDOM(editorElement)!
    const type = (text: string) =>
      view.dispatch({ changes: { from: view.state.doc.length, insert: text }, userEvent: 'input.type' })

    type('FROM alpine:3.22\n')
    await waitFor(() => expect(linted).toBe(1))
    await new Promise((resolve) => setTimeout(resolve, 600))
    type('USER 1000\n')
    await waitFor(() => expect(linted).toBe(2))

    expect(location()?.pathname).toBe('/')
    expect(container.querySelector('.cm-editor')).toBe(editorElement)
    expect(EditorView.findFromDOM(editorElement)).toBe(view)
    expect(view.state.doc.toString()).toBe('FROM alpine:3.22\nUSER 1000\n')
    expect(undoDepth(view.state)).toBe(2)
  })
})

describe('EditorPage errors', () => {
  async function analyseExampleExpectingAlert() {
    renderAt('/')
    await userEvent.click(await screen.findByRole('button', { name: 'Python app with common mistakes' }))
    return screen.findByRole('alert')
  }

  it('shows the 413 message in plain words', async () => {
    server.use(
      http.post('/api/v1/lint', () =>
        HttpResponse.json({ message: 'The content is 300 KiB; the limit is 256 KiB.', details: null }, { status: 413 }),
      ),
    )
    const alert = await analyseExampleExpectingAlert()
    expect(alert).toHaveTextContent('This file is too large')
    expect(alert).toHaveTextContent('The content is 300 KiB; the limit is 256 KiB.')
  })

  it('shows the 400 message', async () => {
    server.use(
      http.post('/api/v1/lint', () =>
        HttpResponse.json({ message: 'unknown config key(s): colour', details: null }, { status: 400 }),
      ),
    )
    const alert = await analyseExampleExpectingAlert()
    expect(alert).toHaveTextContent('unknown config key(s): colour')
  })

  it('shows the 429 message and when to try again', async () => {
    server.use(
      http.post('/api/v1/lint', () =>
        HttpResponse.json(
          { message: 'Too many analyses from your address.', details: null },
          { status: 429, headers: { 'Retry-After': '30' } },
        ),
      ),
    )
    renderAt('/')
    await userEvent.click(await screen.findByRole('button', { name: 'Python app with common mistakes' }))
    const notice = await screen.findByText('Too many analyses from your address.')
    expect(notice.closest('.notice')).toHaveTextContent('You can try again in 30 seconds.')
  })
})
