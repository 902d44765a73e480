import { request } from '../../../api/client'
import type { Analysis, AnalysisInput } from '../../../api/types'

export function createAnalysis(input: AnalysisInput, signal?: AbortSignal): Promise<Analysis> {
  return request<Analysis>('/api/v1/analyses', { method: 'POST', body: input, signal })
}

export function getAnalysis(id: string, signal?: AbortSignal): Promise<Analysis> {
  return request<Analysis>(`/api/v1/analyses/${encodeURIComponent(id)}`, { signal })
}
