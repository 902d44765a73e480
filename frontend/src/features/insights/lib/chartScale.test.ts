import { describe, expect, it } from 'vitest'
import { niceTicks } from './chartScale'

describe('niceTicks', () => {
  it('counts in round steps up to the maximum or just past it', () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8])
    expect(niceTicks(10)).toEqual([0, 5, 10])
    expect(niceTicks(180)).toEqual([0, 50, 100, 150, 200])
    expect(niceTicks(1)).toEqual([0, 1])
  })

  it('has an axis for a chart of zeros', () => {
    expect(niceTicks(0)).toEqual([0, 1])
  })
})
