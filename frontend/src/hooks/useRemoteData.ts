import { useCallback, useEffect, useEffectEvent, useState } from 'react'
import { isAbortError } from '../api/client'
import { useTranslation } from '../i18n'

export type RemoteData<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: unknown }

/**
 * Loads data once per `key` (e.g. a URL), cancelling the previous request when the key changes or the
 * component goes away, and again in another language (the server translates what it sends). `reload` fetches
 * again, for "Try again" buttons.
 */
export function useRemoteData<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): RemoteData<T> & { reload: () => void } {
  const runLoad = useEffectEvent(load)
  const { language } = useTranslation()
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<{ key: string; attempt: number; data: RemoteData<T> } | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    runLoad(controller.signal).then(
      (data) => setState({ key, attempt, data: { status: 'success', data } }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ key, attempt, data: { status: 'error', error } })
      },
    )
    return () => controller.abort()
  }, [key, attempt, language])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const current = state && state.key === key && state.attempt === attempt ? state.data : { status: 'loading' as const }
  return { ...current, reload }
}
