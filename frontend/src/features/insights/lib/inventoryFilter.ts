/** The inventory page's filters, read from and written to its address (so a filtered view can be shared), and
 * as the API's query. */

export type InventorySection = 'images' | 'root' | 'ports'
export type EolFilter = '' | 'past' | 'soon' | 'known' | 'unknown'
export type ReasonFilter = '' | 'user' | 'image'
export type ExposedFilter = '' | 'true' | 'false'

export interface InventoryFilter {
  section: InventorySection
  project: string
  q: string
  eol: EolFilter
  reason: ReasonFilter
  exposed: ExposedFilter
  page: number
}

const SECTIONS: InventorySection[] = ['images', 'root', 'ports']
const EOLS: EolFilter[] = ['past', 'soon', 'known', 'unknown']
const REASONS: ReasonFilter[] = ['user', 'image']
const EXPOSED: ExposedFilter[] = ['true', 'false']

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

export function readFilter(params: URLSearchParams): InventoryFilter {
  const page = Number(params.get('page'))
  return {
    section: oneOf(params.get('section'), SECTIONS, 'images'),
    project: params.get('project') ?? '',
    q: params.get('q') ?? '',
    eol: oneOf(params.get('eol'), EOLS, ''),
    reason: oneOf(params.get('reason'), REASONS, ''),
    exposed: oneOf(params.get('exposed'), EXPOSED, ''),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  }
}

/** The filters that apply to the section, as the API takes them (and the page's address shows them). */
export function inventoryQuery(filter: InventoryFilter): URLSearchParams {
  const params = new URLSearchParams()
  if (filter.project) params.set('project', filter.project)
  if (filter.q.trim()) params.set('q', filter.q.trim())
  if (filter.section === 'images' && filter.eol) params.set('eol', filter.eol)
  if (filter.section === 'root' && filter.reason) params.set('reason', filter.reason)
  if (filter.section === 'ports' && filter.exposed) params.set('exposed', filter.exposed)
  if (filter.page > 1) params.set('page', String(filter.page))
  return params
}

export function filterParams(filter: InventoryFilter): URLSearchParams {
  const params = inventoryQuery(filter)
  if (filter.section !== 'images') params.set('section', filter.section)
  return params
}
