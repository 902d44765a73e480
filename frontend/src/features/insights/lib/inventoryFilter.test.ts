import { describe, expect, it } from 'vitest'
import { filterParams, inventoryQuery, readFilter } from './inventoryFilter'

describe('the inventory filter', () => {
  it('reads what the address says and ignores what it cannot be', () => {
    const filter = readFilter(new URLSearchParams('section=root&project=pay&q=nginx&reason=user&eol=past&page=3'))
    expect(filter).toEqual({
      section: 'root',
      project: 'pay',
      q: 'nginx',
      eol: 'past',
      reason: 'user',
      exposed: '',
      page: 3,
    })
    expect(readFilter(new URLSearchParams('section=everything&eol=someday&page=-2'))).toMatchObject({
      section: 'images',
      eol: '',
      page: 1,
    })
  })

  it('asks the API only for the filters of the section shown', () => {
    const filter = readFilter(new URLSearchParams('section=ports&eol=past&reason=user&exposed=true&q= redis '))
    expect(inventoryQuery(filter).toString()).toBe('q=redis&exposed=true')
  })

  it('writes the section into the address unless it is the first', () => {
    expect(filterParams(readFilter(new URLSearchParams('eol=past'))).toString()).toBe('eol=past')
    expect(filterParams(readFilter(new URLSearchParams('section=root&page=2'))).toString()).toBe('page=2&section=root')
  })
})
