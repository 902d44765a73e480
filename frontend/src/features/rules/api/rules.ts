import { request } from '../../../api/client'
import type { PeerGap, Rule, RuleDetail } from '../../../api/types'

export function listRules(signal?: AbortSignal): Promise<Rule[]> {
  return request<Rule[]>('/api/v1/rules', { signal })
}

export function getRule(id: string, signal?: AbortSignal): Promise<RuleDetail> {
  return request<RuleDetail>(`/api/v1/rules/${encodeURIComponent(id)}`, { signal })
}

export function listPeerGaps(signal?: AbortSignal): Promise<PeerGap[]> {
  return request<PeerGap[]>('/api/v1/peer-gaps', { signal })
}
