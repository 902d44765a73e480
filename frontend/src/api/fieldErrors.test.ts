import { describe, expect, it } from 'vitest'
import { ApiError } from './client'
import { fieldError } from './fieldErrors'

const refused = (details: unknown) => new ApiError({ status: 400, kind: 'bad-request', message: 'x', details })

describe('fieldError', () => {
  it('is the first message the server gave about the field', () => {
    expect(fieldError(refused({ slug: ['a project with this slug exists', 'other'] }), 'slug')).toBe(
      'a project with this slug exists',
    )
  })

  it('is null for another field, another kind of failure or something else thrown', () => {
    expect(fieldError(refused({ name: ['too long'] }), 'slug')).toBeNull()
    expect(fieldError(refused(['not a field']), 'slug')).toBeNull()
    expect(fieldError(new ApiError({ status: 403, kind: 'forbidden', message: 'x', details: { slug: ['y'] } }), 'slug')).toBeNull()
    expect(fieldError(new Error('slug'), 'slug')).toBeNull()
  })
})
