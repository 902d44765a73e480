import { describe, expect, it } from 'vitest'
import { isArchiveName } from './archiveName'

describe('isArchiveName', () => {
  it.each(['repo.tar.gz', 'REPO.TGZ', 'repo.tar', 'main.zip'])('takes %s', (name) => {
    expect(isArchiveName(name)).toBe(true)
  })

  it.each(['repo.gz', 'repo.7z', 'Dockerfile', 'repo.tar.bz2', 'zip'])('refuses %s', (name) => {
    expect(isArchiveName(name)).toBe(false)
  })
})
