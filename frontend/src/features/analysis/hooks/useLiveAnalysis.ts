import { useCallback, useEffect, useRef, useState } from 'react'
import { isAbortError } from '../../../api/client'
import type { AnalysisInput, Review } from '../../../api/types'
import { useTranslation } from '../../../i18n'
import { lintContent } from '../api/analyses'

export const ANALYSIS_DEBOUNCE_MS = 400

export interface LiveAnalysis {
  /** `pending` covers both the debounce wait and the request in flight. */
  status: 'idle' | 'pending' | 'done' | 'error'
  /** The latest successful analysis; kept while a newer one is pending so findings do not flicker. */
  analysis: Review | null
  error: unknown
}

type Load = (signal: AbortSignal) => Promise<Review>

function inputKey(input: AnalysisInput): string {
  return JSON.stringify([input.content, input.kind ?? null, input.filename ?? null])
}

/**
 * Analysis as you type, stored nowhere (POST /api/v1/lint): `schedule` waits for a pause in typing, `runNow`
 * goes at once (the Analyse button, a dropped file). A newer input aborts the request still in flight, so a
 * slow stale answer can never overwrite a fresh one, and an input that was already analysed is not sent twice.
 */
export function useLiveAnalysis() {
  const [state, setState] = useState<LiveAnalysis>({ status: 'idle', analysis: null, error: null })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inFlight = useRef<AbortController | null>(null)
  const lastKey = useRef<string | null>(null)
  // How to ask again for what is shown, in another language (the server writes the messages): the same text
  // analysed again, or a shared analysis read again.
  const askAgain = useRef<Load | null>(null)
  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    inFlight.current?.abort()
    inFlight.current = null
  }, [])

  useEffect(() => cancel, [cancel])

  const start = useCallback(
    (load: Load) => {
      cancel()
      const controller = new AbortController()
      inFlight.current = controller
      askAgain.current = load
      setState((previous) => ({ ...previous, status: 'pending' }))
      load(controller.signal).then(
        (analysis) => {
          if (inFlight.current !== controller) return
          inFlight.current = null
          setState({ status: 'done', analysis, error: null })
        },
        (error: unknown) => {
          if (isAbortError(error) || inFlight.current !== controller) return
          inFlight.current = null
          setState((previous) => ({ ...previous, status: 'error', error }))
        },
      )
    },
    [cancel],
  )

  const run = useCallback(
    (input: AnalysisInput) => {
      lastKey.current = inputKey(input)
      start((signal) => lintContent(input, signal))
    },
    [start],
  )

  const schedule = useCallback(
    (input: AnalysisInput, delay = ANALYSIS_DEBOUNCE_MS) => {
      if (inputKey(input) === lastKey.current) return
      cancel()
      // Nothing is requested yet, but a newer input means any earlier answer is now stale.
      lastKey.current = null
      setState((previous) => ({ ...previous, status: 'pending' }))
      timer.current = setTimeout(() => run(input), delay)
    },
    [cancel, run],
  )

  /** Show an analysis that was loaded rather than requested (a shared link); `reload` reads it again in another
   * language. */
  const show = useCallback(
    (analysis: Review, filename: string | null, reload: Load | null = null) => {
      cancel()
      lastKey.current = inputKey({ content: analysis.content, kind: analysis.kind, filename: filename || undefined })
      askAgain.current = reload
      setState({ status: 'done', analysis, error: null })
    },
    [cancel],
  )

  // In another language, what is shown is asked for again (nothing was asked for yet on the first render).
  const { language } = useTranslation()
  useEffect(() => {
    if (askAgain.current && lastKey.current) start(askAgain.current)
  }, [language, start])

  const reset = useCallback(() => {
    cancel()
    lastKey.current = null
    askAgain.current = null
    setState({ status: 'idle', analysis: null, error: null })
  }, [cancel])

  return { ...state, schedule, runNow: run, show, reset }
}
