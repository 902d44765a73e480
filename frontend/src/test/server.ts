import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { makeAnalysis, makeLintResult, makePeerGap, makeRule } from './fixtures'

/** The mocked API every component test runs against; tests override handlers with `server.use`. */
export const defaultHandlers = [
  http.post('/api/v1/lint', async ({ request }) => {
    const body = (await request.json()) as { content: string; kind?: 'dockerfile' | 'compose' }
    return HttpResponse.json(makeLintResult({ content: body.content, kind: body.kind ?? 'dockerfile' }))
  }),
  http.post('/api/v1/analyses', async ({ request }) => {
    const body = (await request.json()) as { content: string; kind?: 'dockerfile' | 'compose' }
    return HttpResponse.json(makeAnalysis({ content: body.content, kind: body.kind ?? 'dockerfile' }), {
      status: 201,
    })
  }),
  http.get('/api/v1/analyses/:id', ({ params }) =>
    HttpResponse.json(makeAnalysis({ id: String(params.id) })),
  ),
  http.get('/api/v1/rules', () => HttpResponse.json([makeRule()])),
  http.get('/api/v1/rules/:id', () => HttpResponse.json(makeRule())),
  http.get('/api/v1/peer-gaps', () => HttpResponse.json([makePeerGap()])),
  http.get('/api/v1/info', () =>
    HttpResponse.json({
      service: 'dockwright',
      version: '1.0.0',
      environment: 'test',
      server_time: '2026-11-28T00:00:00Z',
      ruleset_version: '2026.11',
    }),
  ),
  http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: false, username: null })),
  http.get('/api/v1/analyses', () => HttpResponse.json({ count: 0, next: null, previous: null, results: [] })),
  http.get('/health/ready', () => HttpResponse.json({ status: 'ok', checks: { database: 'ok', cache: 'ok' } })),
]

export const server = setupServer(...defaultHandlers)
