import { describe, expect, it } from 'vitest'
import type { AnalysisPage } from '../../../api/types'
import { pageCount, pageFromParam } from './pagination'

function pageOf(count: number, size: number, next: boolean): AnalysisPage {
  const results = Array.from({ length: size }, () => ({}) as AnalysisPage['results'][number])
  return { count, next: next ? 'http://x/api/v1/analyses?page=9' : null, previous: null, results }
}

describe('pageFromParam', () => {
  it.each([
    [null, 1],
    ['', 1],
    ['3', 3],
    ['0', 1],
    ['-2', 1],
    ['1.5', 1],
    ['two', 1],
  ])('reads %s as page %i', (value, expected) => {
    expect(pageFromParam(value)).toBe(expected)
  })
})

describe('pageCount', () => {
  it('works the total out from a full page', () => {
    expect(pageCount(pageOf(45, 20, true), 1)).toBe(3)
  })

  it('knows the last page is the current one', () => {
    expect(pageCount(pageOf(45, 5, false), 3)).toBe(3)
  })

  it('is one page for a short history', () => {
    expect(pageCount(pageOf(4, 4, false), 1)).toBe(1)
  })
})
