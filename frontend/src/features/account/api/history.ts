import { request } from '../../../api/client'
import type { AnalysisPage } from '../../../api/types'

/** One page (1-based) of the signed-in user's analyses, newest first, identical saves as one entry. */
export function listAnalyses(page: number, signal?: AbortSignal): Promise<AnalysisPage> {
  const query = page > 1 ? `?page=${page}` : ''
  return request<AnalysisPage>(`/api/v1/analyses${query}`, { signal })
}

/** Deletes a history entry: the analysis and its identical saves. Their links answer 410 from then on. */
export async function deleteHistoryEntry(id: string): Promise<void> {
  await request<unknown>(`/api/v1/analyses/${encodeURIComponent(id)}?identical=true`, { method: 'DELETE' })
}

/** Deletes every analysis the signed-in user shared. */
export async function clearHistory(): Promise<void> {
  await request<unknown>('/api/v1/analyses', { method: 'DELETE' })
}
