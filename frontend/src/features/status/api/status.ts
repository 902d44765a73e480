import { request } from '../../../api/client'
import type { Readiness, ServiceInfo } from '../../../api/types'

export function getInfo(signal?: AbortSignal): Promise<ServiceInfo> {
  return request<ServiceInfo>('/api/v1/info', { signal })
}

/** Readiness answers 503 with the same shape when a dependency is down; that is a result, not an error. */
export function getReadiness(signal?: AbortSignal): Promise<Readiness> {
  return request<Readiness>('/health/ready', { signal, acceptStatuses: [503] })
}
