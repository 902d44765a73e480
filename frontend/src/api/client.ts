/**
 * The one place that talks HTTP to the Dockwright API.
 *
 * Every failure becomes an {@link ApiError} whose `message` is ready to show to a person: the API's own
 * `{message}` for 4xx answers (in the app's language: the server translates them), and plain words for the network
 * being down or the server failing.
 */

// Rule texts, findings and error messages come back in the app's language: the language cookie the app sets
// (src/i18n/switch.ts) tells the server, over the browser's Accept-Language.
import { t } from '../i18n'

export type ApiErrorKind =
  | 'bad-request'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'too-large'
  | 'rate-limited'
  | 'server'
  | 'offline'

export class ApiError extends Error {
  readonly status: number
  readonly kind: ApiErrorKind
  readonly details: unknown
  /** Seconds to wait before trying again (429 only, from the Retry-After header). */
  readonly retryAfter: number | null

  constructor(init: {
    status: number
    kind: ApiErrorKind
    message: string
    details?: unknown
    retryAfter?: number | null
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.kind = init.kind
    this.details = init.details ?? null
    this.retryAfter = init.retryAfter ?? null
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Sent as JSON; a FormData (a file upload) is sent as multipart form data. */
  body?: unknown
  signal?: AbortSignal
  /** Statuses whose JSON body is a normal answer rather than an error (e.g. 503 from /health/ready). */
  acceptStatuses?: number[]
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, acceptStatuses = [] } = options
  const json = body !== undefined && !(body instanceof FormData)
  let response: Response
  try {
    response = await fetch(path, {
      method,
      signal,
      headers: {
        Accept: 'application/json',
        ...(json ? { 'Content-Type': 'application/json' } : {}),
        ...csrfHeader(method),
      },
      body: json ? JSON.stringify(body) : (body as FormData | undefined),
      credentials: 'same-origin',
    })
  } catch (error) {
    if (isAbortError(error)) throw error
    throw new ApiError({
      status: 0,
      kind: 'offline',
      message: t('Cannot reach the Dockwright server. Check your connection and try again.'),
    })
  }
  if (response.status === 204) return undefined as T
  if (response.ok || acceptStatuses.includes(response.status)) {
    return (await response.json()) as T
  }
  throw await errorFromResponse(response)
}

/**
 * Django refuses a signed-in session's POST or DELETE unless it echoes the `csrftoken` cookie in
 * `X-CSRFToken`. The cookie is read on every request because signing in rotates it.
 */
function csrfHeader(method: string): Record<string, string> {
  if (method === 'GET') return {}
  const token = readCookie('csrftoken')
  return token ? { 'X-CSRFToken': token } : {}
}

function readCookie(name: string): string | null {
  for (const pair of document.cookie.split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return null
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = await readJson(response)
  const apiMessage = typeof body?.message === 'string' && body.message.trim() ? body.message.trim() : null
  const status = response.status
  const details = body?.details ?? null
  if (status === 413) {
    return new ApiError({
      status,
      kind: 'too-large',
      details,
      message: apiMessage ?? t('This file is too large to analyse.'),
    })
  }
  if (status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'))
    return new ApiError({
      status,
      kind: 'rate-limited',
      details,
      retryAfter,
      message: apiMessage ?? t('Too many analyses in a short time.'),
    })
  }
  // Session authentication answers 403 both for "not signed in" and for a refused sign-in or CSRF check.
  if (status === 401 || status === 403) {
    return new ApiError({
      status,
      kind: 'forbidden',
      details,
      message: apiMessage ?? t('You are not allowed to do this.'),
    })
  }
  if (status === 404) {
    return new ApiError({ status, kind: 'not-found', details, message: apiMessage ?? t('Not found.') })
  }
  // A shared analysis that was deleted or expired: its link worked once and never will again.
  if (status === 410) {
    return new ApiError({ status, kind: 'gone', details, message: apiMessage ?? t('This is no longer available.') })
  }
  if (status >= 400 && status < 500) {
    return new ApiError({
      status,
      kind: 'bad-request',
      details,
      message: apiMessage ?? t('The server could not accept this request.'),
    })
  }
  return new ApiError({
    status,
    kind: 'server',
    details,
    message: t('The server had a problem (HTTP {{status}}). Please try again in a moment.', { status }),
  })
}

async function readJson(response: Response): Promise<{ message?: unknown; details?: unknown } | null> {
  try {
    const data: unknown = await response.json()
    return data !== null && typeof data === 'object' ? data : null
  } catch {
    return null
  }
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds)
  const date = Date.parse(header)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - Date.now()) / 1000))
}
