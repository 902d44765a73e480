import { request } from '../../../api/client'
import type { components, paths } from '../../../api/schema'
import type { Severity } from '../../../api/types'
import { inventoryQuery, type InventoryFilter, type InventorySection } from '../lib/inventoryFilter'

type Schemas = components['schemas']
type OkJson<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never

export type Overview = OkJson<paths['/api/v1/projects/{slug}/overview']['get']>
export type ScanSummary = Schemas['ScanSummary']
export type ScanPoint = Schemas['ScanPoint']
export type Change = Schemas['Change']
export type ScanFileDetail = OkJson<paths['/api/v1/projects/{slug}/scans/{scan_id}/files/{file_id}']['get']>
export type ScanFinding = Schemas['ScanFinding']
export type InventorySummary = OkJson<paths['/api/v1/inventory']['get']>
export type ImageRow = Schemas['ImageRow']
export type RootRow = Schemas['RootRow']
export type PortRow = Schemas['PortRow']
export interface InventoryPage<Row> {
  count: number
  next: string | null
  previous: string | null
  complete: boolean
  results: Row[]
}
export type SeverityCounts = Record<Severity, number>

const projectPath = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}`

/** A scan's counts by severity (the API gives them as an open object: an unfinished scan has none yet). */
export function countsOf(value: unknown): SeverityCounts {
  const counts = (value ?? {}) as Partial<Record<Severity, unknown>>
  const number = (severity: Severity) => (typeof counts[severity] === 'number' ? counts[severity] : 0)
  return { error: number('error'), warning: number('warning'), info: number('info'), style: number('style') }
}

/** A project's overview: of `branch` (null: the default branch). */
export function getOverview(slug: string, branch: string | null, signal?: AbortSignal): Promise<Overview> {
  const query = branch === null ? '' : `?${new URLSearchParams({ branch })}`
  return request<Overview>(`${projectPath(slug)}/overview${query}`, { signal })
}

export function getScanFile(slug: string, scanId: string, fileId: string, signal?: AbortSignal): Promise<ScanFileDetail> {
  const path = `${projectPath(slug)}/scans/${encodeURIComponent(scanId)}/files/${encodeURIComponent(fileId)}`
  return request<ScanFileDetail>(path, { signal })
}

export function getInventorySummary(signal?: AbortSignal): Promise<InventorySummary> {
  return request<InventorySummary>('/api/v1/inventory', { signal })
}

const SECTION_PATHS: Record<InventorySection, string> = {
  images: '/api/v1/inventory/images',
  root: '/api/v1/inventory/root',
  ports: '/api/v1/inventory/database-ports',
}

export function listInventory<Row>(filter: InventoryFilter, signal?: AbortSignal): Promise<InventoryPage<Row>> {
  const query = inventoryQuery(filter).toString()
  return request<InventoryPage<Row>>(`${SECTION_PATHS[filter.section]}${query ? `?${query}` : ''}`, { signal })
}

/** The address of the section's CSV file with the same filters (every row, not one page): a plain link downloads
 * it with the session's cookie. */
export function inventoryCsvUrl(filter: InventoryFilter): string {
  const query = inventoryQuery({ ...filter, page: 1 })
  query.set('format', 'csv')
  return `${SECTION_PATHS[filter.section]}?${query}`
}
