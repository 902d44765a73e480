import { request } from '../../../api/client'
import type { AnalysisPage } from '../../../api/types'

/** One page (1-based) of the signed-in user's analyses, newest first. */
export function listAnalyses(page: number, signal?: AbortSignal): Promise<AnalysisPage> {
  const query = page > 1 ? `?page=${page}` : ''
  return request<AnalysisPage>(`/api/v1/analyses${query}`, { signal })
}
