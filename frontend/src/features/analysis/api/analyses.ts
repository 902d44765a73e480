import { request } from '../../../api/client'
import type { Analysis, AnalysisInput, LintResult, Review } from '../../../api/types'

/** Findings of the text as it is typed: nothing is stored and no link is made. */
export async function lintContent(input: AnalysisInput, signal?: AbortSignal): Promise<Review> {
  const result = await request<LintResult>('/api/v1/lint', { method: 'POST', body: input, signal })
  return { ...result, content: input.content }
}

/** Stores the analysis and gives it a link that anyone who has it can open. */
export function shareAnalysis(input: AnalysisInput, signal?: AbortSignal): Promise<Analysis> {
  return request<Analysis>('/api/v1/analyses', { method: 'POST', body: input, signal })
}

export function getAnalysis(id: string, signal?: AbortSignal): Promise<Analysis> {
  return request<Analysis>(`/api/v1/analyses/${encodeURIComponent(id)}`, { signal })
}

/** Deletes one of the signed-in user's analyses; `identical` takes its identical saves with it. */
export async function deleteAnalysis(id: string, { identical = false } = {}): Promise<void> {
  const query = identical ? '?identical=true' : ''
  await request<unknown>(`/api/v1/analyses/${encodeURIComponent(id)}${query}`, { method: 'DELETE' })
}
