import type { AnalysisPage } from '../../../api/types'

/** The page asked for in `?page=`, 1 when it is missing or not a positive whole number. */
export function pageFromParam(value: string | null): number {
  const page = Number(value)
  return Number.isInteger(page) && page >= 1 ? page : 1
}

/**
 * How many pages the history has. The API does not state its page size, but every page before the last is
 * full, so a page with a `next` link shows it; the last page is the one without.
 */
export function pageCount(data: AnalysisPage, page: number): number {
  if (!data.next) return page
  return Math.max(page + 1, Math.ceil(data.count / Math.max(1, data.results.length)))
}
