import { createContext, useContext } from 'react'
import type { Session } from '../../../api/types'

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; username: string }

export interface SessionContextValue {
  session: SessionState
  /** Records a session the API reported: after signing in, or when it turned out to have ended. */
  recordSession: (session: Session) => void
  /** Signs out on the server; throws (ApiError) when the server cannot be told. */
  signOut: () => Promise<void>
}

export const SessionContext = createContext<SessionContextValue | null>(null)

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession needs a <SessionProvider> above it')
  return value
}

export function sessionState(session: Session): SessionState {
  return session.authenticated && session.username
    ? { status: 'signed-in', username: session.username }
    : { status: 'anonymous' }
}
