import { useCallback, useEffect, useState } from 'react'
import { isAbortError } from '../../../api/client'
import type { Scan } from '../../../api/types'
import { useTranslation } from '../../../i18n'
import { getScan } from '../api/scans'

/** How long to wait between two reads of a scan that is not finished: often at first, when most scans finish,
 * then less, for a long one. */
export function pollDelay(reads: number): number {
  return reads < 30 ? 1000 : reads < 90 ? 2000 : 5000
}

export type ScanProgress =
  | { status: 'loading' }
  | { status: 'success'; scan: Scan }
  | { status: 'error'; error: unknown; scan: Scan | null }

/** A scan, read again and again while a worker analyses it, until it is done or failed (or the page goes), and
 * again in another language (the server translates findings). A read that fails stops the reading: `retry` starts
 * it again. */
export function useScanProgress(slug: string, id: number): ScanProgress & { retry: () => void } {
  const [attempt, setAttempt] = useState(0)
  const { language } = useTranslation()
  const [state, setState] = useState<{ key: string; progress: ScanProgress } | null>(null)
  const key = `${slug}:${id}:${attempt}:${language}`

  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let last: Scan | null = null
    let reads = 0
    async function read() {
      try {
        const scan = await getScan(slug, id, controller.signal)
        last = scan
        setState({ key, progress: { status: 'success', scan } })
        if (scan.status === 'pending' || scan.status === 'running') timer = setTimeout(read, pollDelay(reads++))
      } catch (error) {
        if (!isAbortError(error)) setState({ key, progress: { status: 'error', error, scan: last } })
      }
    }
    void read()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [slug, id, key])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  const progress = state && state.key === key ? state.progress : { status: 'loading' as const }
  return { ...progress, retry }
}
