import { request } from '../../../api/client'
import type { Session, SignInInput } from '../../../api/types'

/** Who is signed in; the answer also sets the CSRF cookie that signing in and out must echo. */
export function getSession(signal?: AbortSignal): Promise<Session> {
  return request<Session>('/api/v1/auth/session', { signal })
}

export function signIn(credentials: SignInInput): Promise<Session> {
  return request<Session>('/api/v1/auth/session', { method: 'POST', body: credentials })
}

export async function signOut(): Promise<void> {
  await request<unknown>('/api/v1/auth/session', { method: 'DELETE' })
}
