import { ApiError } from './client'

/** The server's first message about `field` of a refused form (400: details are `{field: [message, …]}`), or
 * null when it named another field or refused for another reason. */
export function fieldError(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError) || error.kind !== 'bad-request') return null
  const details = error.details
  if (details === null || typeof details !== 'object' || !(field in details)) return null
  const messages: unknown = (details as Record<string, unknown>)[field]
  return Array.isArray(messages) && typeof messages[0] === 'string' ? messages[0] : null
}
