import { act, renderHook, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { currentLanguage, setLanguage } from '../../../i18n'
import { makeAnalysis, makeLintResult } from '../../../test/fixtures'
import { server } from '../../../test/server'
import { ANALYSIS_DEBOUNCE_MS, useLiveAnalysis } from './useLiveAnalysis'

describe('useLiveAnalysis', () => {
  const sent: string[] = []
  const aborted: string[] = []

  beforeEach(() => {
    sent.length = 0
    aborted.length = 0
    server.use(
      http.post('/api/v1/lint', async ({ request }) => {
        const { content } = (await request.clone().json()) as { content: string }
        sent.push(content)
        request.signal.addEventListener('abort', () => aborted.push(content))
        // The first text is slow to analyse, so a later one overtakes it.
        await new Promise((resolve) => setTimeout(resolve, content === 'FROM a' ? 300 : 10))
        return HttpResponse.json(makeLintResult())
      }),
    )
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits for a pause in typing and sends only the last text', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { result } = renderHook(() => useLiveAnalysis())
    act(() => result.current.schedule({ content: 'FROM' }))
    act(() => vi.advanceTimersByTime(ANALYSIS_DEBOUNCE_MS / 2))
    act(() => result.current.schedule({ content: 'FROM alpine' }))
    expect(result.current.status).toBe('pending')
    act(() => vi.advanceTimersByTime(ANALYSIS_DEBOUNCE_MS + 1))
    vi.useRealTimers()
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(sent).toEqual(['FROM alpine'])
    expect(result.current.analysis?.content).toBe('FROM alpine')
  })

  it('cancels a request in flight when newer text arrives, so a stale answer never wins', async () => {
    const { result } = renderHook(() => useLiveAnalysis())
    act(() => result.current.runNow({ content: 'FROM a' }))
    await waitFor(() => expect(sent).toEqual(['FROM a']))
    act(() => result.current.runNow({ content: 'FROM b:1' }))
    await waitFor(() => expect(result.current.status).toBe('done'))
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(aborted).toEqual(['FROM a'])
    expect(result.current.analysis?.content).toBe('FROM b:1')
  })

  it('does not send the same input twice', async () => {
    const { result } = renderHook(() => useLiveAnalysis())
    act(() => result.current.runNow({ content: 'FROM x', kind: 'dockerfile' }))
    await waitFor(() => expect(result.current.status).toBe('done'))
    act(() => result.current.schedule({ content: 'FROM x', kind: 'dockerfile' }, 0))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(sent).toEqual(['FROM x'])
  })

  describe('in another language', () => {
    afterEach(async () => {
      server.events.removeAllListeners()
      if (currentLanguage() !== 'en') await act(() => setLanguage('en'))
    })

    it('analyses the text shown again, the server being told the language first', async () => {
      const cookies: string[] = []
      server.events.on('request:start', () => cookies.push(document.cookie))
      const { result } = renderHook(() => useLiveAnalysis())
      act(() => result.current.runNow({ content: 'FROM x' }))
      await waitFor(() => expect(result.current.status).toBe('done'))
      await act(() => setLanguage('zh-Hans'))
      await waitFor(() => expect(sent).toEqual(['FROM x', 'FROM x']))
      expect(cookies.at(-1)).toContain('django_language=zh-hans')
    })

    it('reads a shared analysis again instead of analysing its text', async () => {
      const reads: AbortSignal[] = []
      const reload = (signal: AbortSignal) => {
        reads.push(signal)
        return Promise.resolve(makeAnalysis({ content: 'FROM y', findings: [] }))
      }
      const { result } = renderHook(() => useLiveAnalysis())
      act(() => result.current.show(makeAnalysis({ content: 'FROM y' }), null, reload))
      expect(reads).toHaveLength(0)
      await act(() => setLanguage('zh-Hans'))
      await waitFor(() => expect(result.current.analysis?.findings).toEqual([]))
      expect(reads).toHaveLength(1)
      expect(sent).toEqual([])
    })
  })
})
