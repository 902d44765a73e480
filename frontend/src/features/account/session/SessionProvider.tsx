import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { isAbortError } from '../../../api/client'
import type { Session } from '../../../api/types'
import { getSession, signOut as endSession } from '../api/session'
import { SessionContext, sessionState, type SessionState } from './sessionContext'

/**
 * Asks the API once, when the app starts, who is signed in. This module is on the editor page, so it stays
 * small: signing in itself lives on the lazily loaded sign-in page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' })

  useEffect(() => {
    const controller = new AbortController()
    getSession(controller.signal).then(
      (answer) => setSession(sessionState(answer)),
      // Without an answer the app works as for anyone: the editor needs no account.
      (error: unknown) => {
        if (!isAbortError(error)) setSession({ status: 'anonymous' })
      },
    )
    return () => controller.abort()
  }, [])

  const recordSession = useCallback((answer: Session) => setSession(sessionState(answer)), [])
  const signOut = useCallback(async () => {
    await endSession()
    setSession({ status: 'anonymous' })
  }, [])

  const value = useMemo(() => ({ session, recordSession, signOut }), [session, recordSession, signOut])
  return <SessionContext value={value}>{children}</SessionContext>
}
