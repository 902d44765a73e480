import { request } from '../../../api/client'
import type { Rule } from '../../../api/types'

export function listRules(signal?: AbortSignal): Promise<Rule[]> {
  return request<Rule[]>('/api/v1/rules', { signal })
}

export function getRule(id: string, signal?: AbortSignal): Promise<Rule> {
  return request<Rule>(`/api/v1/rules/${encodeURIComponent(id)}`, { signal })
}
