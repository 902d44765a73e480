import { describe, expect, it } from 'vitest'
import { suggestSlug } from './slug'

describe('suggestSlug', () => {
  it.each([
    ['Payments API', 'payments-api'],
    ['  Café  Crème / v2 ', 'cafe-creme-v2'],
    ['--web__site--', 'web-site'],
    ['支付', ''],
  ])('makes %j into %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug)
  })

  it('stays within the 100 characters a slug may have, without a dash at the end', () => {
    const slug = suggestSlug(`${'a'.repeat(99)} b`)
    expect(slug).toBe('a'.repeat(99))
  })
})
