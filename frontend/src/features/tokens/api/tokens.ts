import { request } from '../../../api/client'
import type { ApiToken, NewApiToken, TokenInput } from '../../../api/types'

/** The signed-in user's unexpired tokens and the project tokens of the projects they own. */
export function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return request<ApiToken[]>('/api/v1/tokens', { signal })
}

/** A new token; its secret is in this answer only and must never be stored by the app. */
export function createToken(input: TokenInput): Promise<NewApiToken> {
  return request<NewApiToken>('/api/v1/tokens', { method: 'POST', body: input })
}

/** The token stops working at once. */
export async function revokeToken(uid: string): Promise<void> {
  await request<unknown>(`/api/v1/tokens/${encodeURIComponent(uid)}`, { method: 'DELETE' })
}
