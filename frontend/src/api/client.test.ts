import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '../test/server'
import { ApiError, request } from './client'

async function failure(path: string): Promise<ApiError> {
  try {
    await request(path)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

describe('request errors', () => {
  it('uses the message of a 400 body', async () => {
    server.use(
      http.get('/api/v1/x', () =>
        HttpResponse.json({ message: 'content must not be empty', details: null }, { status: 400 }),
      ),
    )
    const error = await failure('/api/v1/x')
    expect(error.kind).toBe('bad-request')
    expect(error.message).toBe('content must not be empty')
  })

  it('uses the message of a 413 body', async () => {
    server.use(
      http.get('/api/v1/x', () =>
        HttpResponse.json({ message: 'content is larger than 262144 bytes', details: null }, { status: 413 }),
      ),
    )
    const error = await failure('/api/v1/x')
    expect(error.kind).toBe('too-large')
    expect(error.message).toBe('content is larger than 262144 bytes')
  })

  it('reads Retry-After on a 429', async () => {
    server.use(
      http.get('/api/v1/x', () =>
        HttpResponse.json(
          { message: 'too many analyses', details: null },
          { status: 429, headers: { 'Retry-After': '17' } },
        ),
      ),
    )
    const error = await failure('/api/v1/x')
    expect(error.kind).toBe('rate-limited')
    expect(error.message).toBe('too many analyses')
    expect(error.retryAfter).toBe(17)
  })

  it('explains a server error without showing its HTML', async () => {
    server.use(http.get('/api/v1/x', () => new HttpResponse('<h1>Bad Gateway</h1>', { status: 502 })))
    const error = await failure('/api/v1/x')
    expect(error.kind).toBe('server')
    expect(error.message).toMatch(/server had a problem \(HTTP 502\)/)
  })

  it('says so when the server cannot be reached', async () => {
    server.use(http.get('/api/v1/x', () => HttpResponse.error()))
    const error = await failure('/api/v1/x')
    expect(error.kind).toBe('offline')
    expect(error.message).toMatch(/Cannot reach the Dockwright server/)
  })

  it('returns the body of statuses the caller accepts', async () => {
    server.use(http.get('/health/ready', () => HttpResponse.json({ status: 'unavailable' }, { status: 503 })))
    await expect(request('/health/ready', { acceptStatuses: [503] })).resolves.toEqual({ status: 'unavailable' })
  })
})

describe('CSRF and sessions', () => {
  afterEach(() => {
    document.cookie = 'csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
  })

  it('echoes the csrftoken cookie as X-CSRFToken on POST and DELETE, not on GET', async () => {
    document.cookie = 'csrftoken=token%2Fone; path=/'
    const seen: Record<string, string | null> = {}
    server.use(
      http.all('/api/v1/x', ({ request: sent }) => {
        seen[sent.method] = sent.headers.get('X-CSRFToken')
        return sent.method === 'DELETE' ? new HttpResponse(null, { status: 204 }) : HttpResponse.json({})
      }),
    )
    await request('/api/v1/x')
    await request('/api/v1/x', { method: 'POST', body: {} })
    await expect(request('/api/v1/x', { method: 'DELETE' })).resolves.toBeUndefined()
    expect(seen).toEqual({ GET: null, POST: 'token/one', DELETE: 'token/one' })
  })

  it('sends no CSRF header when there is no cookie', async () => {
    let header: string | null = 'unset'
    server.use(
      http.post('/api/v1/x', ({ request: sent }) => {
        header = sent.headers.get('X-CSRFToken')
        return HttpResponse.json({})
      }),
    )
    await request('/api/v1/x', { method: 'POST', body: {} })
    expect(header).toBeNull()
  })

  it('calls a 403 forbidden and keeps its message', async () => {
    server.use(
      http.get('/api/v1/x', () =>
        HttpResponse.json({ message: 'unknown username or wrong password', details: null }, { status: 403 }),
      ),
    )
    const error = await failure('/api/v1/x')
    expect(error.kind).toBe('forbidden')
    expect(error.message).toBe('unknown username or wrong password')
  })
})
